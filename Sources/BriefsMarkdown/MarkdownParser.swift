import CCmarkGFM
import Synchronization

/// libcmark-gfm 0.29 adds its extensions' special characters (`~` for strikethrough, `:` and
/// `w` for autolinks) to one global table when it starts parsing a document's inlines and
/// removes them when it is done (`cmark_manage_extensions_special_characters`, inside
/// `cmark_parser_finish`), so two inline parses at once break each other's strikethrough and
/// autolinks. That part is serialised by this lock. Block parsing (`cmark_parser_feed`, a third
/// of cmark's time) does not touch the table and runs on every core at once, each on a parser
/// of its own; converting cmark's tree and rendering run in parallel too. (Emptying the
/// extensions' character lists to stop the toggling does not work: cmark also uses them to
/// find the extension that handles a delimiter, and loops without them.)
private let inlinePhase = Mutex(())

/// Parsers not in use. A parse takes one (or makes one when all are busy) and puts it back:
/// `cmark_parser_finish` resets it for the next document and keeps its options and
/// extensions. Making a parser and attaching three extensions for each of a brief's sixteen
/// fragments cost more than parsing its quotes. There are never more than parses at once
/// (a few); they live as long as the process.
private let idleParsers = Mutex<[ReusableParser]>([])

/// A cmark parser used by one parse at a time (`idleParsers` hands it out), which is what
/// makes passing it between threads safe.
private struct ReusableParser: @unchecked Sendable {
    let pointer: OpaquePointer?

    static func make() -> ReusableParser {
        _ = coreExtensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES) else { return ReusableParser(pointer: nil) }
        for name in ["table", "strikethrough", "autolink"] {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return ReusableParser(pointer: parser)
    }
}

/// Registers cmark's GFM extensions exactly once; Swift initialises globals lazily and
/// thread-safely, so concurrent first parses cannot race on cmark's registry.
private let coreExtensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// The C boundary: runs libcmark-gfm and copies its tree into ``MarkdownNode`` values.
///
/// Every tree is created and freed inside ``parse(_:)``; no pointer leaves this file.
enum MarkdownParser {
    /// Nodes nested deeper than this become plain text. cmark itself copes with any depth,
    /// but our walks are recursive, and a megabyte of `>` must not overflow the stack.
    static let maximumDepth = 64

    /// Parses CommonMark with GFM tables, strikethrough, autolinks and footnotes.
    ///
    /// Never fails: cmark accepts every input. Raw HTML is kept in the tree so the
    /// renderer can show and report it.
    static func parse(_ markdown: String) -> MarkdownNode {
        _ = coreExtensionsRegistered
        let source = SourceMap(markdown)
        let parser = idleParsers.withLock { $0.popLast() } ?? ReusableParser.make()
        let root = parser.pointer.flatMap { parseTree(markdown, with: $0) }
        if parser.pointer != nil { idleParsers.withLock { $0.append(parser) } }
        guard let root else { return MarkdownNode(kind: .document, line: 1, column: 1) }
        defer { cmark_node_free(root) }
        var converter = TreeConverter(source: source)
        return converter.convert(root)
    }

    /// cmark's tree of `markdown`, parsed by `parser` (which is ready for the next document
    /// afterwards); the caller frees the tree.
    private static func parseTree(_ markdown: String, with parser: OpaquePointer) -> OpaquePointer? {
        var text = markdown
        text.withUTF8 { buffer in
            // Feed with an explicit length: a NUL in the text must not end the input early.
            buffer.withMemoryRebound(to: CChar.self) { characters in
                if let base = characters.baseAddress, !characters.isEmpty {
                    cmark_parser_feed(parser, base, characters.count)
                }
            }
        }
        // Inlines are parsed here (the global table, see `inlinePhase`); the document is
        // detached from the parser, and the parser reset.
        return inlinePhase.withLock { _ in FinishedDocument(pointer: cmark_parser_finish(parser)) }.pointer
    }
}

/// A document cmark just finished, handed out of `inlinePhase`'s lock (its tree is the
/// caller's alone).
private struct FinishedDocument: @unchecked Sendable {
    let pointer: OpaquePointer?
}

// MARK: - Conversion

/// Walks cmark's tree without recursion and builds the Swift tree.
private struct TreeConverter {
    let source: SourceMap
    /// The last trustworthy position, in document order; repairs search forward from here.
    var cursor = SourcePoint(line: 1, byteColumn: 1)
    /// Footnote number → label of its first reference, for the definitions at the end.
    var footnoteLabels: [Int: String] = [:]
    var definitionCount = 0

    private struct Frame {
        let pointer: OpaquePointer
        var node: MarkdownNode
        let start: SourcePoint
    }

    mutating func convert(_ root: OpaquePointer) -> MarkdownNode {
        let document = MarkdownNode(kind: .document, line: 1, column: 1)
        var stack = [Frame(pointer: root, node: document, start: SourcePoint(line: 1, byteColumn: 1))]
        var current = cmark_node_first_child(root)
        while true {
            if let pointer = current {
                if let firstChild = cmark_node_first_child(pointer) {
                    if stack.count < MarkdownParser.maximumDepth {
                        let (node, start) = makeNode(pointer)
                        stack.append(Frame(pointer: pointer, node: node, start: start))
                        current = firstChild
                        continue
                    }
                    stack[stack.count - 1].node.children.append(flattened(pointer))
                } else {
                    let (node, start) = makeNode(pointer)
                    // The autolink extension leaves empty text nodes behind when it splits text.
                    if node.kind != .text("") {
                        stack[stack.count - 1].node.children.append(finish(node, start: start))
                    }
                }
                current = cmark_node_next(pointer)
            } else {
                guard stack.count > 1, let frame = stack.popLast() else { break }
                stack[stack.count - 1].node.children.append(finish(frame.node, start: frame.start))
                current = cmark_node_next(frame.pointer)
            }
        }
        var result = stack[0].node
        labelDefinitions(in: &result)
        return result
    }

    // MARK: Nodes

    private mutating func makeNode(_ pointer: OpaquePointer) -> (MarkdownNode, SourcePoint) {
        let start = SourcePoint(
            line: Int(cmark_node_get_start_line(pointer)),
            byteColumn: Int(cmark_node_get_start_column(pointer))
        )
        let kind = self.kind(of: pointer)
        switch kind {
        case .paragraph, .heading, .tableCell, .codeBlock, .htmlBlock:
            // Block starts are reliable; they re-anchor the repair search.
            if start.isKnown { cursor = start }
        default:
            break
        }
        let column = source.scalarColumn(of: start)
        let node = MarkdownNode(kind: kind, line: column > 0 ? start.line : 0, column: column)
        return (node, start)
    }

    private mutating func kind(of pointer: OpaquePointer) -> MarkdownNode.Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(pointer)),
                tight: cmark_node_get_list_tight(pointer) != 0
            )
        case CMARK_NODE_ITEM: return .listItem
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(pointer)), code: literal(pointer))
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock(literal(pointer))
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(pointer)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            definitionCount += 1
            return .footnoteDefinition(number: definitionCount, label: "")
        case CMARK_NODE_TEXT: return .text(literal(pointer))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(pointer))
        case CMARK_NODE_HTML_INLINE: return .htmlInline(literal(pointer))
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK:
            return .link(
                destination: string(cmark_node_get_url(pointer)),
                title: string(cmark_node_get_title(pointer)),
                isAutolink: false
            )
        case CMARK_NODE_IMAGE:
            return .image(source: string(cmark_node_get_url(pointer)), title: string(cmark_node_get_title(pointer)))
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            // cmark replaces the reference's literal with the note's number.
            return .footnoteReference(number: Int(literal(pointer)) ?? 0, label: "")
        default:
            return extensionKind(of: pointer)
        }
    }

    /// Extension node types are registered at run time, so they are told apart by name.
    private func extensionKind(of pointer: OpaquePointer) -> MarkdownNode.Kind {
        let name = string(cmark_node_get_type_string(pointer))
        switch name {
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
            guard let raw = cmark_gfm_extensions_get_table_alignments(pointer) else {
                return .table(alignments: Array(repeating: .none, count: count))
            }
            let alignments = (0..<count).map { index -> MarkdownNode.TableAlignment in
                switch raw[index] {
                case UInt8(ascii: "l"): .left
                case UInt8(ascii: "c"): .center
                case UInt8(ascii: "r"): .right
                default: .none
                }
            }
            return .table(alignments: alignments)
        case "table_header", "table_row":
            return .tableRow(isHeader: cmark_gfm_extensions_get_table_row_is_header(pointer) != 0)
        case "table_cell": return .tableCell
        case "strikethrough": return .strikethrough
        default: return .unknown(name)
        }
    }

    private func literal(_ pointer: OpaquePointer) -> String {
        string(cmark_node_get_literal(pointer))
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

// MARK: - Finishing and repair

extension TreeConverter {
    /// Completes a node once its children are known: marks autolinks, repairs inline
    /// positions cmark gets wrong, and records footnote labels.
    fileprivate mutating func finish(_ node: MarkdownNode, start: SourcePoint) -> MarkdownNode {
        var node = node
        switch node.kind {
        case let .link(destination, title, _):
            let text = PlainText.inline(node.children)
            let isAutolink = Self.isAutolink(text: text, destination: destination, children: node.children)
            node.kind = .link(destination: destination, title: title, isAutolink: isAutolink)
            let needles = isAutolink ? [Array("<\(text)".utf8), Array(text.utf8)] : [Array("[".utf8)]
            let point = reposition(&node, start: start, needles: needles)
            if isAutolink, let point {
                // The URL text starts where the link does, or just after its `<`.
                let bracket = source.hasPrefix(Array("<".utf8), at: point) ? 1 : 0
                node.children[0].line = node.line
                node.children[0].column = node.column + bracket
            }
        case .image:
            reposition(&node, start: start, needles: [Array("![".utf8)])
        case let .htmlInline(literal):
            reposition(&node, start: start, needles: [Array(literal.utf8)])
        case let .footnoteReference(number, _):
            let label = reposition(&node, start: start, needles: [Array("[^".utf8)])
                .flatMap { source.bytes(from: source.advanced($0, by: 2), upTo: UInt8(ascii: "]")) }
                .map { String(decoding: $0, as: UTF8.self) }
                .flatMap { $0.isEmpty ? nil : $0 } ?? String(number)
            node.kind = .footnoteReference(number: number, label: label)
            if footnoteLabels[number] == nil {
                footnoteLabels[number] = label
            }
        default:
            break
        }
        return node
    }

    /// A link whose only child is its own URL: `<https://…>`, `www.…`, `name@host`.
    /// Typography must leave such text alone.
    private static func isAutolink(text: String, destination: String, children: [MarkdownNode]) -> Bool {
        guard children.count == 1, case .text = children[0].kind else { return false }
        return destination == text || destination == "mailto:" + text || destination == "http://" + text
    }

    /// Keeps cmark's position when the source there starts with one of `needles`;
    /// otherwise finds the next occurrence after the cursor. Returns the position used.
    @discardableResult
    private mutating func reposition(
        _ node: inout MarkdownNode, start: SourcePoint, needles: [[UInt8]]
    ) -> SourcePoint? {
        let found: (point: SourcePoint, length: Int)?
        if let needle = needles.first(where: { source.hasPrefix($0, at: start) }) {
            found = (start, max(1, needle.count))
        } else if let hit = source.find(needles, from: cursor) {
            found = hit
        } else {
            found = start.isKnown ? (start, 1) : nil
        }
        guard let (point, length) = found else {
            node.line = 0
            node.column = 0
            return nil
        }
        node.line = point.line
        node.column = source.scalarColumn(of: point)
        // Past the match, so two identical autolinks on one line get two positions.
        cursor = source.advanced(point, by: length)
        return point
    }

    // MARK: Depth cap and footnotes

    /// A subtree below ``MarkdownParser/maximumDepth`` as one text node (inside a
    /// paragraph when it was a block), so its words survive but its nesting does not.
    fileprivate func flattened(_ pointer: OpaquePointer) -> MarkdownNode {
        var text = ""
        if let iterator = cmark_iter_new(pointer) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_CODE_BLOCK,
                     CMARK_NODE_HTML_BLOCK:
                    text += literal(node)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    if !text.isEmpty && text.last != " " { text += " " }
                default:
                    break
                }
            }
        }
        let start = SourcePoint(
            line: Int(cmark_node_get_start_line(pointer)),
            byteColumn: Int(cmark_node_get_start_column(pointer))
        )
        let textNode = MarkdownNode(kind: .text(text), line: start.line, column: source.scalarColumn(of: start))
        // The two high bits of a cmark type say block (10) or inline (11).
        let isBlock = cmark_node_get_type(pointer).rawValue & 0xC000 == 0x8000
        guard isBlock else { return textNode }
        return MarkdownNode(kind: .paragraph, children: [textNode], line: textNode.line, column: textNode.column)
    }

    /// Gives each definition the label of its first reference; cmark keeps no label
    /// on the definition node that its public API exposes.
    fileprivate func labelDefinitions(in document: inout MarkdownNode) {
        for index in document.children.indices {
            if case let .footnoteDefinition(number, _) = document.children[index].kind {
                document.children[index].kind = .footnoteDefinition(
                    number: number, label: footnoteLabels[number] ?? String(number)
                )
            }
        }
    }
}
