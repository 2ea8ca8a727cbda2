// MARK: - Debug dump

extension MarkdownNode {
    /// An indented, one-node-per-line description of the tree, for golden tests.
    ///
    /// Each line is the node's kind with its data, then `@line:column` when known
    /// (columns in Unicode scalars). Strings are quoted with Swift escapes so whitespace
    /// and line breaks are visible.
    public func dump() -> String {
        var lines: [String] = []
        appendDump(to: &lines, depth: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    private func appendDump(to lines: inout [String], depth: Int) {
        let position = line > 0 ? " @\(line):\(column)" : ""
        lines.append(String(repeating: "  ", count: depth) + kind.dumpDescription + position)
        for child in children {
            child.appendDump(to: &lines, depth: depth + 1)
        }
    }
}

extension MarkdownNode.Kind {
    /// The kind's name and data as shown by ``MarkdownNode/dump()``.
    var dumpDescription: String {
        switch self {
        case .document: "document"
        case .blockQuote: "blockQuote"
        case let .list(ordered, start, tight):
            "list " + (ordered ? "ordered start=\(start)" : "bullet") + (tight ? " tight" : " loose")
        case .listItem: "listItem"
        case let .codeBlock(info, code): "codeBlock info=\(quoted(info)) \(quoted(code))"
        case let .htmlBlock(html): "htmlBlock \(quoted(html))"
        case .paragraph: "paragraph"
        case let .heading(level): "heading level=\(level)"
        case .thematicBreak: "thematicBreak"
        case let .table(alignments): "table [\(alignments.map { "\($0)" }.joined(separator: ", "))]"
        case let .tableRow(isHeader): isHeader ? "tableRow header" : "tableRow"
        case .tableCell: "tableCell"
        case let .footnoteDefinition(number, label): "footnoteDefinition number=\(number) label=\(quoted(label))"
        case let .text(text): "text \(quoted(text))"
        case .softBreak: "softBreak"
        case .lineBreak: "lineBreak"
        case let .code(code): "code \(quoted(code))"
        case let .htmlInline(html): "htmlInline \(quoted(html))"
        case .emphasis: "emphasis"
        case .strong: "strong"
        case .strikethrough: "strikethrough"
        case let .link(destination, title, isAutolink):
            "link destination=\(quoted(destination)) title=\(quoted(title))" + (isAutolink ? " autolink" : "")
        case let .image(source, title): "image source=\(quoted(source)) title=\(quoted(title))"
        case let .footnoteReference(number, label): "footnoteReference number=\(number) label=\(quoted(label))"
        case let .unknown(name): "unknown \(quoted(name))"
        }
    }

    private func quoted(_ text: String) -> String {
        text.debugDescription
    }
}
