/// Plain text out of a node tree: for link texts, alt texts, heading ids, abstracts
/// and summaries.
enum PlainText {
    /// The text of inline nodes: breaks become spaces, footnote markers vanish, images
    /// contribute their alt text.
    static func inline(_ nodes: [MarkdownNode]) -> String {
        var result = ""
        append(nodes, to: &result)
        return result
    }

    private static func append(_ nodes: [MarkdownNode], to result: inout String) {
        for node in nodes {
            switch node.kind {
            case let .text(text), let .code(text), let .htmlInline(text):
                result += text
            case .softBreak, .lineBreak:
                result += " "
            case .footnoteReference:
                break
            default:
                append(node.children, to: &result)
            }
        }
    }

    /// The text of a whole document, one block per paragraph separated by blank lines.
    /// Footnote definitions are skipped: without their markers they read as stray sentences.
    static func document(_ document: MarkdownNode) -> String {
        var blocks: [String] = []
        collectBlocks(document.children, into: &blocks)
        return blocks.joined(separator: "\n\n")
    }

    private static func collectBlocks(_ nodes: [MarkdownNode], into blocks: inout [String]) {
        for node in nodes {
            switch node.kind {
            case .paragraph, .heading:
                let text = inline(node.children)
                if !text.isEmpty { blocks.append(text) }
            case let .codeBlock(_, code):
                blocks.append(trimmingTrailingNewlines(code))
            case let .htmlBlock(html):
                blocks.append(trimmingTrailingNewlines(html))
            case .table:
                let rows = node.children.map { row in
                    row.children.map { inline($0.children) }.joined(separator: " | ")
                }
                blocks.append(rows.joined(separator: "\n"))
            case .footnoteDefinition, .thematicBreak:
                break
            case .text, .code, .htmlInline, .softBreak, .lineBreak, .emphasis, .strong,
                 .strikethrough, .link, .image, .footnoteReference:
                // Inline content at block level only appears below the depth cap.
                blocks.append(inline([node]))
            default:
                collectBlocks(node.children, into: &blocks)
            }
        }
    }

    static func trimmingTrailingNewlines(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" || text.last == "\r" {
            text = text.dropLast()
        }
        return String(text)
    }
}
