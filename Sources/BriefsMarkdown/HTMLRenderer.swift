/// Our own HTML renderer over ``MarkdownNode``.
///
/// cmark's renderer is not used: it cannot escape raw HTML while reporting it, cannot
/// number footnotes across fragments, hard-codes English labels and writes inline styles
/// for table alignment. Output is deterministic with one newline after each block.
struct HTMLRenderer {
    let options: MarkdownOptions
    /// The page state, updated as ids are claimed; the caller copies it back.
    var page: MarkdownPageContext
    var links: [MarkdownLink] = []
    var headings: [MarkdownHeading] = []
    var anchors: [String] = []
    var issues: [MarkdownIssue] = []
    /// Bytes, not a `String`: see ``HTMLOutput``.
    var output = HTMLOutput()

    /// Footnote numbers on the page before this fragment.
    let footnoteOffset: Int
    /// How many footnotes this fragment defines; references beyond are not links.
    var footnoteCount = 0
    /// Footnote number → id of its definition, claimed on first use.
    var footnoteIDs: [Int: String] = [:]
    /// Footnote number → ids of its references in order, for the back-links.
    var backReferences: [Int: [String]] = [:]

    init(options: MarkdownOptions, page: MarkdownPageContext) {
        self.options = options
        self.page = page
        self.footnoteOffset = page.footnoteCount
    }

    /// Renders a document; footnote definitions go into one section at the end.
    mutating func render(_ document: MarkdownNode) -> [UInt8] {
        var definitions: [MarkdownNode] = []
        for child in document.children {
            if case .footnoteDefinition = child.kind {
                definitions.append(child)
            }
        }
        footnoteCount = definitions.count
        for child in document.children {
            if case .footnoteDefinition = child.kind { continue }
            renderBlock(child, tight: false)
        }
        renderFootnotes(definitions)
        page.footnoteCount += footnoteCount
        return output.bytes
    }

    // MARK: - Blocks

    /// Starts a block on a new line without ever writing a blank line.
    mutating func newline() {
        if !output.isEmpty && !output.endsWithNewline {
            output.append(UInt8(ascii: "\n"))
        }
    }

    mutating func renderBlocks(_ nodes: [MarkdownNode], tight: Bool) {
        for node in nodes {
            renderBlock(node, tight: tight)
        }
    }

    /// - Parameter tight: Whether `node` is a direct child of an item in a tight list,
    ///   whose paragraphs are written without `<p>`.
    mutating func renderBlock(_ node: MarkdownNode, tight: Bool) {
        switch node.kind {
        case .paragraph:
            renderParagraph(node, tight: tight)
        case let .heading(level):
            renderHeading(node, level: level)
        case .blockQuote:
            newline()
            output.appendLiteral("<blockquote>\n")
            renderBlocks(node.children, tight: false)
            newline()
            output.appendLiteral("</blockquote>\n")
        case let .list(ordered, start, isTight):
            renderList(node, ordered: ordered, start: start, tight: isTight)
        case .listItem:
            newline()
            output.appendLiteral("<li>")
            renderBlocks(node.children, tight: tight)
            output.appendLiteral("</li>\n")
        case let .codeBlock(info, code):
            newline()
            output.appendLiteral("<pre><code")
            if let language = HTMLEscaping.languageClass(info: info) {
                output.appendLiteral(" class=\"")
                output.appendEscaped(language)
                output.appendLiteral("\"")
            }
            output.appendLiteral(">")
            output.appendEscaped(code)
            output.appendLiteral("</code></pre>\n")
        case let .htmlBlock(html):
            newline()
            report(.rawHTML, at: node)
            output.appendLiteral("<p class=\"raw-html\">")
            output.appendEscaped(PlainText.trimmingTrailingNewlines(html))
            output.appendLiteral("</p>\n")
        case .thematicBreak:
            newline()
            output.appendLiteral("<hr>\n")
        case let .table(alignments):
            renderTable(node, alignments: alignments)
        case .document, .unknown, .tableRow, .tableCell, .footnoteDefinition:
            // Not expected here; keep the content rather than lose it.
            renderBlocks(node.children, tight: tight)
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .emphasis, .strong,
             .strikethrough, .link, .image, .footnoteReference:
            // Inline content at block level only appears below the depth cap.
            renderInline(node)
        }
    }

    /// - Parameter trailing: HTML to append inside the paragraph (a footnote's back-link marker).
    mutating func renderParagraph(_ node: MarkdownNode, tight: Bool, trailing: [UInt8] = []) {
        if tight {
            renderInlines(node.children)
            output.append(trailing[...])
            return
        }
        newline()
        output.appendLiteral("<p>")
        renderInlines(node.children)
        output.append(trailing[...])
        output.appendLiteral("</p>\n")
    }

    private mutating func renderHeading(_ node: MarkdownNode, level: Int) {
        let base = min(max(options.headingBase, 1), 6)
        let htmlLevel = min(max(base + level - 1, 1), 6)
        let text = PlainText.inline(node.children)
        let id = page.uniqueID(for: text)
        anchors.append(id)
        headings.append(MarkdownHeading(level: htmlLevel, text: text, id: id, line: node.line, column: node.column))
        newline()
        output.appendLiteral("<h")
        output.appendDecimal(htmlLevel)
        output.appendLiteral(" id=\"")
        output.appendEscaped(id)
        output.appendLiteral("\">")
        renderInlines(node.children)
        output.appendLiteral("</h")
        output.appendDecimal(htmlLevel)
        output.appendLiteral(">\n")
    }

    private mutating func renderList(_ node: MarkdownNode, ordered: Bool, start: Int, tight: Bool) {
        newline()
        if !ordered {
            output.appendLiteral("<ul>\n")
        } else if start != 1 {
            output.appendLiteral("<ol start=\"")
            output.appendDecimal(start)
            output.appendLiteral("\">\n")
        } else {
            output.appendLiteral("<ol>\n")
        }
        renderBlocks(node.children, tight: tight)
        newline()
        output.appendLiteral(ordered ? "</ol>\n" : "</ul>\n")
    }

    private mutating func renderTable(_ node: MarkdownNode, alignments: [MarkdownNode.TableAlignment]) {
        newline()
        output.appendLiteral("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
        output.appendEscaped(options.strings.tableLabel)
        output.appendLiteral("\"><table>\n")
        let headerRows = node.children.prefix { $0.kind == .tableRow(isHeader: true) }
        let bodyRows = node.children.dropFirst(headerRows.count)
        if !headerRows.isEmpty {
            output.appendLiteral("<thead>\n")
            for row in headerRows { renderTableRow(row, alignments: alignments, isHeader: true) }
            output.appendLiteral("</thead>\n")
        }
        if !bodyRows.isEmpty {
            output.appendLiteral("<tbody>\n")
            for row in bodyRows { renderTableRow(row, alignments: alignments, isHeader: false) }
            output.appendLiteral("</tbody>\n")
        }
        output.appendLiteral("</table></div>\n")
    }

    private mutating func renderTableRow(
        _ row: MarkdownNode, alignments: [MarkdownNode.TableAlignment], isHeader: Bool
    ) {
        output.appendLiteral("<tr>\n")
        for (column, cell) in row.children.enumerated() {
            let alignment = alignments.indices.contains(column) ? alignments[column] : .none
            let classAttribute: StaticString
            switch alignment {
            case .none: classAttribute = ""
            case .left: classAttribute = " class=\"align-left\""
            case .center: classAttribute = " class=\"align-center\""
            case .right: classAttribute = " class=\"align-right\""
            }
            output.appendLiteral(isHeader ? "<th scope=\"col\"" : "<td")
            output.appendLiteral(classAttribute)
            output.appendLiteral(">")
            renderInlines(cell.children)
            output.appendLiteral(isHeader ? "</th>\n" : "</td>\n")
        }
        output.appendLiteral("</tr>\n")
    }

    // MARK: - Helpers

    mutating func report(_ kind: MarkdownIssue.Kind, at node: MarkdownNode) {
        issues.append(MarkdownIssue(kind: kind, line: node.line, column: node.column))
    }
}
