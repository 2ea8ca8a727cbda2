/// The entry points: Markdown text in, HTML and facts about it out.
public enum Markdown {
    /// Renders one Markdown fragment to HTML with our own renderer (cmark only parses).
    ///
    /// - Parameters:
    ///   - markdown: The fragment, without front matter.
    ///   - options: Language, localized words, heading base, id prefix, link rewriting.
    ///   - page: The page the fragment goes onto; its ids and footnote count are updated.
    public static func render(
        _ markdown: String, options: MarkdownOptions, page: inout MarkdownPageContext
    ) -> RenderedMarkdown {
        let document = Typesetter.typeset(parse(markdown), language: options.language)
        var renderer = HTMLRenderer(options: options, page: page)
        let html = renderer.render(document)
        page = renderer.page
        let firstParagraph = document.children.first { $0.kind == .paragraph }
            .map { PlainText.inline($0.children) }
        return RenderedMarkdown(
            htmlUTF8: html,
            links: renderer.links,
            headings: renderer.headings,
            anchors: renderer.anchors,
            firstParagraph: firstParagraph,
            plainText: PlainText.document(document),
            // Footnote definitions render last but may come first in the source.
            issues: renderer.issues.enumerated()
                .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
                .map(\.element)
        )
    }

    /// Parses Markdown into a tree without rendering, e.g. for golden tests or analysis.
    ///
    /// Positions are 1-based lines and Unicode-scalar columns in `markdown`.
    public static func parse(_ markdown: String) -> MarkdownNode {
        MarkdownParser.parse(markdown)
    }
}
