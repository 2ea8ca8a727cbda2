// MARK: - Inlines

extension HTMLRenderer {
    mutating func renderInlines(_ nodes: [MarkdownNode]) {
        for node in nodes {
            renderInline(node)
        }
    }

    mutating func renderInline(_ node: MarkdownNode) {
        switch node.kind {
        case let .text(text):
            output.appendEscaped(text)
        case .softBreak:
            output.append(UInt8(ascii: "\n"))
        case .lineBreak:
            output.appendLiteral("<br>\n")
        case let .code(code):
            output.appendLiteral("<code>")
            output.appendEscaped(code)
            output.appendLiteral("</code>")
        case let .htmlInline(html):
            // Shown, not obeyed: a brief's author sees the mistake in the preview.
            report(.rawHTML, at: node)
            output.appendEscaped(html)
        case .emphasis:
            wrap(node, open: "<em>", close: "</em>")
        case .strong:
            wrap(node, open: "<strong>", close: "</strong>")
        case .strikethrough:
            wrap(node, open: "<del>", close: "</del>")
        case let .link(destination, title, _):
            renderLink(node, destination: destination, title: title)
        case let .image(source, title):
            renderImage(node, source: source, title: title)
        case let .footnoteReference(number, label):
            renderFootnoteReference(number: number, label: label)
        default:
            // Block kinds never occur inside inlines; keep their content if they do.
            renderInlines(node.children)
        }
    }

    private mutating func wrap(_ node: MarkdownNode, open: StaticString, close: StaticString) {
        output.appendLiteral(open)
        renderInlines(node.children)
        output.appendLiteral(close)
    }

    private mutating func renderLink(_ node: MarkdownNode, destination: String, title: String) {
        let text = PlainText.inline(node.children)
        links.append(MarkdownLink(
            kind: .link, destination: destination, title: title, text: text,
            line: node.line, column: node.column
        ))
        guard let href = safeDestination(destination, kind: .link, node: node) else {
            renderInlines(node.children)
            return
        }
        output.appendLiteral("<a href=\"")
        output.appendEscaped(href)
        output.appendLiteral("\"")
        writeTitleAttribute(title)
        output.appendLiteral(">")
        renderInlines(node.children)
        output.appendLiteral("</a>")
    }

    private mutating func renderImage(_ node: MarkdownNode, source: String, title: String) {
        let alt = PlainText.inline(node.children)
        links.append(MarkdownLink(
            kind: .image, destination: source, title: title, text: alt,
            line: node.line, column: node.column
        ))
        guard let src = safeDestination(source, kind: .image, node: node) else {
            output.appendEscaped(alt)
            return
        }
        output.appendLiteral("<img src=\"")
        output.appendEscaped(src)
        output.appendLiteral("\" alt=\"")
        output.appendEscaped(alt)
        output.appendLiteral("\"")
        writeTitleAttribute(title)
        output.appendLiteral(">")
    }

    /// ` title="…"`, or nothing for an empty title.
    private mutating func writeTitleAttribute(_ title: String) {
        guard !title.isEmpty else { return }
        output.appendLiteral(" title=\"")
        output.appendEscaped(title)
        output.appendLiteral("\"")
    }

    /// The destination to emit, or nil (and an issue) if it would run script.
    /// Checked before and after the caller's rewrite, which must not smuggle one in.
    private mutating func safeDestination(
        _ destination: String, kind: MarkdownLink.Kind, node: MarkdownNode
    ) -> String? {
        guard !HTMLEscaping.isUnsafe(destination: destination) else {
            report(.unsafeURL(destination), at: node)
            return nil
        }
        let rewritten = options.rewriteDestination?(destination, kind) ?? destination
        guard !HTMLEscaping.isUnsafe(destination: rewritten) else {
            report(.unsafeURL(rewritten), at: node)
            return nil
        }
        return rewritten
    }
}
