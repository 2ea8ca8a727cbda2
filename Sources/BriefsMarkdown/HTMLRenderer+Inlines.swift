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
            output += escape(text)
        case .softBreak:
            output += "\n"
        case .lineBreak:
            output += "<br>\n"
        case let .code(code):
            output += "<code>\(escape(code))</code>"
        case let .htmlInline(html):
            // Shown, not obeyed: a brief's author sees the mistake in the preview.
            report(.rawHTML, at: node)
            output += escape(html)
        case .emphasis:
            wrap(node, in: "em")
        case .strong:
            wrap(node, in: "strong")
        case .strikethrough:
            wrap(node, in: "del")
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

    private mutating func wrap(_ node: MarkdownNode, in tag: String) {
        output += "<\(tag)>"
        renderInlines(node.children)
        output += "</\(tag)>"
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
        output += "<a href=\"\(escape(href))\"\(titleAttribute(title))>"
        renderInlines(node.children)
        output += "</a>"
    }

    private mutating func renderImage(_ node: MarkdownNode, source: String, title: String) {
        let alt = PlainText.inline(node.children)
        links.append(MarkdownLink(
            kind: .image, destination: source, title: title, text: alt,
            line: node.line, column: node.column
        ))
        guard let src = safeDestination(source, kind: .image, node: node) else {
            output += escape(alt)
            return
        }
        output += "<img src=\"\(escape(src))\" alt=\"\(escape(alt))\"\(titleAttribute(title))>"
    }

    private func titleAttribute(_ title: String) -> String {
        title.isEmpty ? "" : " title=\"\(escape(title))\""
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
