/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text between tags, as the UTF-8 it is written out as.
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; `indentation` for a partial alone on its line, `overrides` for `{{< name}}`.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?, dynamic: Bool)
    /// `{{$ name}}…{{/ name}}` outside a `{{< parent}}`: the default content of a block.
    case block(String, defaultContent: [TemplateNode], indentation: [UInt8]?)
    /// `{{% CONTENT_TYPE: TEXT}}` turns escaping off for the rest of the template.
    case escaping(Bool)
}

/// A name as written in a tag, split once when the theme loads.
struct TemplateName: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `{{.}}`: the current item.
        case current
        /// `{{first()}}`: the position in the list being shown.
        case sequence
        /// `{{.name}}`: only the current item, not the enclosing ones.
        case currentOnly
        /// `{{a.b}}`: `a` looked up from the innermost item outwards, then `b` in it.
        case path
    }

    var kind: Kind
    var components: [TemplateKey]
    /// Applied last to first: `uppercased(name)`.
    var transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        components = Self.components(of: name).map(TemplateKey.init)
        if name == "." {
            kind = .current
        } else if name.isEmpty, !transforms.isEmpty {
            kind = .sequence
        } else if name.first == "." {
            kind = .currentOnly
        } else {
            kind = .path
        }
    }

    /// `a.b.c` → `a`, `b`, `c` (empty parts dropped). Names are ASCII and split on their bytes;
    /// any other text as `Character`s (a dot with a combining mark on it is no dot).
    static func components(of name: some StringProtocol) -> [String] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.split(separator: ".").map { String($0) } }
        return name.utf8.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Parses Mustache the way swift-mustache does (which checks the syntax first and reports
/// errors with their position): the same tags, the same rules for lines that hold only a tag,
/// the same indentation of partials and blocks, so both give the same text.
///
/// swift-mustache reads a template as `Character`s; this parser reads its UTF-8 and steps from
/// one `Character` to the next on the bytes. A one-byte character is one followed by another
/// ASCII byte (or the end), except `\r\n`; only where a non-ASCII byte follows does it ask the
/// `String` where the character ends. Splitting the whole template into `Character`s and
/// joining them back into text cost more than rendering a brief.
struct TemplateParser {
    struct Failure: Error, Sendable {
        var message: String
    }

    private let text: String
    private let bytes: [UInt8]
    /// The byte offset of the current character.
    private var position = 0

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(text)
        return try parser.parse(State())
    }

    /// One character of a delimiter: a lone ASCII byte (nearly always) or any other character.
    private enum DelimiterCharacter: Equatable {
        case byte(UInt8)
        case other(Character)

        init(_ character: Character) {
            if character.utf8.count == 1, let byte = character.utf8.first {
                self = .byte(byte)
            } else {
                self = .other(character)
            }
        }
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [DelimiterCharacter] = [.byte(UInt8(ascii: "{")), .byte(UInt8(ascii: "{"))]
        var endDelimiter: [DelimiterCharacter] = [.byte(UInt8(ascii: "}")), .byte(UInt8(ascii: "}"))]
        /// Leading spaces and tabs of a partial definition's first line (one byte each).
        var partialDefinitionIndent: Int?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheritance(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    // MARK: - Cursor

    private var atEnd: Bool { position >= bytes.count }

    /// Where the character starting at byte `offset` (a character boundary) ends.
    private func characterEnd(at offset: Int) -> Int {
        let byte = bytes[offset]
        if byte < 0x80 {
            guard offset + 1 < bytes.count else { return offset + 1 }
            let next = bytes[offset + 1]
            if next < 0x80 { return byte == 0x0D && next == 0x0A ? offset + 2 : offset + 1 }
        }
        // A non-ASCII character, or an ASCII one a combining mark may extend: the String decides.
        let utf8 = text.utf8
        let index = utf8.index(utf8.startIndex, offsetBy: offset)
        return utf8.distance(from: utf8.startIndex, to: text.index(after: index))
    }

    /// The byte of the character at `offset` when it is a lone ASCII byte, else `nil`.
    private func singleByte(at offset: Int) -> UInt8? {
        guard offset < bytes.count else { return nil }
        return characterEnd(at: offset) == offset + 1 ? bytes[offset] : nil
    }

    private func character(at offset: Int) -> Character {
        Character(String(decoding: bytes[offset..<characterEnd(at: offset)], as: UTF8.self))
    }

    /// The current character as a lone ASCII byte (`nil` at the end or for any other character).
    private var current: UInt8? { singleByte(at: position) }

    /// Whether the character at `offset` is a line break (`Character.isNewline`).
    private func isNewline(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let end = characterEnd(at: offset)
        if end == offset + 1 { return bytes[offset] >= 0x0A && bytes[offset] <= 0x0D }
        if end == offset + 2, bytes[offset] == 0x0D, bytes[offset + 1] == 0x0A { return true }
        return character(at: offset).isNewline
    }

    /// The kinds of characters the parser skips over.
    private enum CharacterClass {
        /// A lone space or tab.
        case blank
        /// `Character.isWhitespace`.
        case space
        case notSpace
        case notSpaceOrEquals
        /// A name's characters (`isNameByte`).
        case name(brackets: Bool = true, slash: Bool = false)
    }

    private func isCharacter(at offset: Int, in characterClass: CharacterClass) -> Bool {
        let byte = singleByte(at: offset)
        switch characterClass {
        case .blank: return byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        case .space: return isSpace(byte, at: offset)
        case .notSpace: return !isSpace(byte, at: offset)
        case .notSpaceOrEquals: return byte != UInt8(ascii: "=") && !isSpace(byte, at: offset)
        case .name(let brackets, let slash): return byte.map { Self.isNameByte($0, brackets: brackets, slash: slash) } ?? false
        }
    }

    /// Skips the characters of a class; returns the bytes they span.
    @discardableResult
    private mutating func read(_ characterClass: CharacterClass) -> Range<Int> {
        let start = position
        while !atEnd, isCharacter(at: position, in: characterClass) { position = characterEnd(at: position) }
        return start..<position
    }

    private func isSpace(_ byte: UInt8?, at offset: Int) -> Bool {
        if let byte { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        return character(at: offset).isWhitespace
    }

    /// Whether the delimiter starts at byte `offset`; the offset after it when it does.
    private func match(_ delimiter: [DelimiterCharacter], at offset: Int) -> Int? {
        var probe = offset
        for expected in delimiter {
            guard probe < bytes.count else { return nil }
            let end = characterEnd(at: probe)
            switch expected {
            case .byte(let byte):
                guard end == probe + 1, bytes[probe] == byte else { return nil }
            case .other(let character):
                guard end > probe + 1, self.character(at: probe) == character else { return nil }
            }
            probe = end
        }
        return probe
    }

    private mutating func read(_ delimiter: [DelimiterCharacter]) -> Bool {
        guard let end = match(delimiter, at: position) else { return false }
        position = end
        return true
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    // MARK: - Parsing

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        /// Leading spaces and tabs of the line, as bytes of the template.
        var whitespace = 0..<0
        func flushWhitespace() {
            if !whitespace.isEmpty { nodes.append(.text(Array(bytes[whitespace]))) }
            whitespace = 0..<0
        }
        while !atEnd {
            if state.newLine {
                let leading = read(.blank)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespace = min(leading.lowerBound + indent, leading.upperBound)..<leading.upperBound
                    } else {
                        state.partialDefinitionIndent = leading.count
                    }
                } else {
                    whitespace = leading
                }
            }
            let text = try readTextUntilTagOrNewline(state)
            // After the text: a line break; or, when the text ended at a tag, the character after
            // its delimiter (read as a line break, as before: the tests compare with swift-mustache).
            if !atEnd, isNewline(at: position) {
                let end = characterEnd(at: position)
                var line = Array(bytes[whitespace])
                line += bytes[text]
                line += bytes[position..<end]
                nodes.append(.text(line))
                state.newLine = true
                position = end
                continue
            }
            if !text.isEmpty {
                var line = Array(bytes[whitespace])
                line += bytes[text]
                nodes.append(.text(line))
                whitespace = 0..<0
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let (name, transforms) = try readName(state)
                if isStandalone(state) {
                    standalone = true
                } else {
                    flushWhitespace()
                }
                let content = try parse(state.section(name, newLine: standalone, transforms: transforms))
                nodes.append(.section(TemplateName(name, transforms: transforms), content, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let (name, transforms) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw Failure(message: "a section is closed with a different name than it was opened with")
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushWhitespace()
                let triple = current == UInt8(ascii: "{")
                position += 1
                let (name, transforms) = try readName(state)
                if triple {
                    guard current == UInt8(ascii: "}") else { throw Failure(message: "a tag is not closed with '}}}'") }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                read(.space)
                let dynamic = current == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                flushWhitespaceKeeping(&nodes, whitespace)
                let indentation: [UInt8]?
                if isStandalone(state) {
                    standalone = true
                    indentation = Array(bytes[whitespace])
                } else {
                    indentation = nil
                }
                nodes.append(.partial(name, indentation: indentation, overrides: nil, dynamic: dynamic))
                whitespace = 0..<0
            case UInt8(ascii: "<"):
                position += 1
                read(.space)
                let sectionName = try readPartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                flushWhitespaceKeeping(&nodes, whitespace)
                standalone = isStandalone(state)
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parseInheritance(state.inheritance(sectionName)) {
                    if case .block(let blockName, let content, _) = node { overrides[blockName] = content }
                }
                nodes.append(.partial(name, indentation: Array(bytes[whitespace]), overrides: overrides, dynamic: dynamic))
                whitespace = 0..<0
            case UInt8(ascii: "$"):
                position += 1
                let (name, transforms) = try readName(state)
                guard transforms.isEmpty else { throw Failure(message: "a block cannot have a transform") }
                if state.isPartialDefinitionTopLevel {
                    standalone = isStandalone(state)
                    let content = try parse(state.section(name, newLine: standalone))
                    // Inside `{{< parent}}`: an override, collected by `parseInheritance`.
                    nodes.append(.block(name, defaultContent: content, indentation: nil))
                } else {
                    flushWhitespaceKeeping(&nodes, whitespace)
                    standalone = isStandalone(state)
                    let content = try parse(state.section(name, newLine: standalone))
                    nodes.append(.block(name, defaultContent: content, indentation: Array(bytes[whitespace])))
                    whitespace = 0..<0
                }
            case UInt8(ascii: "="):
                position += 1
                state = try readDelimiters(state)
                standalone = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                nodes.append(.escaping(try readContentType(state)))
                standalone = isStandalone(state)
            default:
                flushWhitespace()
                let (name, transforms) = try readName(state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Failure(message: "a section {{#…}} is never closed with {{/…}}") }
        return nodes
    }

    /// The content of `{{< parent}}…{{/parent}}`: block overrides; text between them is ignored.
    private mutating func parseInheritance(_ state: State) throws -> [TemplateNode] {
        let nodes = try parse(state)
        for node in nodes {
            switch node {
            case .block, .text: continue
            default: throw Failure(message: "only {{$block}} overrides may stand inside {{<parent}}")
            }
        }
        return nodes
    }

    /// Partials and blocks keep the whitespace before them as text (it indents their first line)
    /// but still use it as their indentation.
    private func flushWhitespaceKeeping(_ nodes: inout [TemplateNode], _ whitespace: Range<Int>) {
        if !whitespace.isEmpty { nodes.append(.text(Array(bytes[whitespace]))) }
    }

    /// Text up to the next tag (whose opening delimiter is consumed) or line break (not
    /// consumed): the bytes of the text.
    private mutating func readTextUntilTagOrNewline(_ state: State) throws -> Range<Int> {
        let start = position
        guard let first = state.startDelimiter.first else { return start..<start }
        while !atEnd {
            let end = characterEnd(at: position)
            let byte = bytes[position]
            // `\n` (always a character of its own) or `\r\n`.
            if end == position + 1 ? byte == 0x0A : (end == position + 2 && byte == 0x0D && bytes[position + 1] == 0x0A) {
                return start..<position
            }
            let isFirst: Bool
            switch first {
            case .byte(let expected): isFirst = end == position + 1 && byte == expected
            case .other(let character): isFirst = end > position + 1 && self.character(at: position) == character
            }
            if isFirst {
                // swift-mustache refuses a text that ends within a delimiter's length of its
                // first character (a template ending in `{`); so does this parser.
                var remaining = 0
                var probe = position
                while probe < bytes.count, remaining < state.startDelimiter.count {
                    probe = characterEnd(at: probe)
                    remaining += 1
                }
                guard remaining == state.startDelimiter.count else {
                    throw Failure(message: "the template ends in the middle of a tag")
                }
                let text = start..<position
                if read(state.startDelimiter) { return text }
            }
            position = end
        }
        return start..<position
    }

    private mutating func readName(_ state: State) throws -> (String, [String]) {
        read(.space)
        let range = read(.name())
        read(.space)
        guard read(state.endDelimiter) else { throw Failure(message: "a tag is not closed with '}}'") }
        // `a(b(name))`: transforms around the name (all of it ASCII).
        let name = bytes[range]
        guard let open = name.firstIndex(of: UInt8(ascii: "(")) else {
            guard !name.contains(UInt8(ascii: ")")) else { throw Failure(message: "a transform is not opened with '('") }
            return (string(range), [])
        }
        var transforms = [string(range.lowerBound..<open)]
        var rest = open + 1..<range.upperBound
        while let next = bytes[rest].firstIndex(of: UInt8(ascii: "(")) {
            transforms.append(string(rest.lowerBound..<next))
            rest = next + 1..<rest.upperBound
        }
        guard let close = bytes[rest].firstIndex(of: UInt8(ascii: ")")),
              bytes[close..<rest.upperBound].allSatisfy({ $0 == UInt8(ascii: ")") }),
              rest.upperBound - close == transforms.count else {
            throw Failure(message: "a transform is not closed with ')'")
        }
        return (string(rest.lowerBound..<close), transforms)
    }

    private mutating func readPartialName(_ state: State) throws -> String {
        read(.space)
        let range = read(.name(slash: true))
        read(.space)
        guard read(state.endDelimiter) else { throw Failure(message: "a tag is not closed with '}}'") }
        return string(range)
    }

    private mutating func skipComment(_ state: State) throws {
        while !atEnd {
            if read(state.endDelimiter) { return }
            position = characterEnd(at: position)
        }
        throw Failure(message: "a comment is not closed with '}}'")
    }

    private mutating func readDelimiters(_ state: State) throws -> State {
        read(.space)
        let start = read(.notSpace)
        read(.space)
        let end = read(.notSpaceOrEquals)
        read(.space)
        guard current == UInt8(ascii: "=") else { throw Failure(message: "the delimiter change {{=…=}} is malformed") }
        position += 1
        guard read(state.endDelimiter), !start.isEmpty, !end.isEmpty else {
            throw Failure(message: "the delimiter change {{=…=}} is malformed")
        }
        var next = state
        next.startDelimiter = string(start).map(DelimiterCharacter.init)
        next.endDelimiter = string(end).map(DelimiterCharacter.init)
        next.isPartialDefinitionTopLevel = false
        return next
    }

    /// `{{% CONTENT_TYPE: HTML}}` (escape) or `TEXT` (do not).
    private mutating func readContentType(_ state: State) throws -> Bool {
        read(.space)
        let variable = string(read(.name(brackets: false)))
        read(.space)
        guard current == UInt8(ascii: ":") else { throw Failure(message: "expected CONTENT_TYPE: HTML or TEXT") }
        position += 1
        read(.space)
        let value = string(read(.name(brackets: false)))
        read(.space)
        guard read(state.endDelimiter), variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            throw Failure(message: "expected CONTENT_TYPE: HTML or TEXT")
        }
        return value == "HTML"
    }

    /// A tag alone on its line (with spaces around it): the whole line, line break included, goes.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while let byte = singleByte(at: probe), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { probe += 1 }
        guard probe < bytes.count, isNewline(at: probe) else { return false }
        position = characterEnd(at: probe)
        return true
    }

    /// `0-9 a-z A-Z . - _ ? *`, with `brackets` also `( )`, with `slash` also `/`: names are
    /// ASCII (a lone byte; any other character ends a name).
    private static func isNameByte(_ byte: UInt8, brackets: Bool = true, slash: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("), UInt8(ascii: ")"): return brackets
        case UInt8(ascii: "/"): return slash
        default: return false
        }
    }
}
