/// Applies ``Typography`` to the text nodes of a parsed document.
///
/// Each block with inline content (paragraph, heading, table cell) is typeset as one
/// stream, so quotes pair up across emphasis and links. Code spans, raw HTML and the
/// text of autolinks stay untouched but still count as context.
enum Typesetter {
    /// The document with every prose text node typeset for `language`.
    static func typeset(_ document: MarkdownNode, language: TypographyLanguage) -> MarkdownNode {
        var document = document
        typesetBlocks(in: &document, language: language)
        return document
    }

    private static func typesetBlocks(in node: inout MarkdownNode, language: TypographyLanguage) {
        switch node.kind {
        case .paragraph, .heading, .tableCell:
            var segments: [TypographySegment] = []
            collect(node.children, insideAutolink: false, into: &segments)
            let outputs = Typography.typeset(segments, language: language)
            var next = 0
            replaceTexts(in: &node.children, with: outputs, next: &next)
        default:
            for index in node.children.indices {
                typesetBlocks(in: &node.children[index], language: language)
            }
        }
    }

    /// One segment per text, code, raw HTML and break node, in document order.
    private static func collect(_ nodes: [MarkdownNode], insideAutolink: Bool, into segments: inout [TypographySegment]) {
        for node in nodes {
            switch node.kind {
            case let .text(text):
                segments.append(TypographySegment(text: text, isMutable: !insideAutolink))
            case let .code(text), let .htmlInline(text):
                segments.append(TypographySegment(text: text, isMutable: false))
            case .softBreak, .lineBreak:
                segments.append(TypographySegment(text: "\n", isMutable: false))
            case let .link(_, _, isAutolink):
                collect(node.children, insideAutolink: insideAutolink || isAutolink, into: &segments)
            default:
                collect(node.children, insideAutolink: insideAutolink, into: &segments)
            }
        }
    }

    /// Walks the nodes in the same order as ``collect(_:insideAutolink:into:)`` and puts
    /// each typeset text back into its text node.
    private static func replaceTexts(in nodes: inout [MarkdownNode], with outputs: [String], next: inout Int) {
        for index in nodes.indices {
            switch nodes[index].kind {
            case .text:
                if outputs.indices.contains(next) {
                    nodes[index].kind = .text(outputs[next])
                }
                next += 1
            case .code, .htmlInline, .softBreak, .lineBreak:
                next += 1
            default:
                replaceTexts(in: &nodes[index].children, with: outputs, next: &next)
            }
        }
    }
}
