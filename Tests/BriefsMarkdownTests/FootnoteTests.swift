import BriefsMarkdown
import Testing

@Suite("Footnotes")
struct FootnoteTests {
    @Test("references and definitions carry prefixed ids, roles and localized labels")
    func singleFragment() {
        let result = Render.fragment("Text[^note].\n\n[^note]: The *note*.", language: .german, idPrefix: "rec-1")
        let expected = """
            <p>Text<sup class="footnote-ref"><a href="#fn-rec-1-note" id="fnref-rec-1-note" role="doc-noteref">1</a></sup>.</p>
            <section class="footnotes" role="doc-endnotes" aria-label="Anmerkungen">
            <ol start="1">
            <li id="fn-rec-1-note">
            <p>The <em>note</em>. <a href="#fnref-rec-1-note" class="footnote-back" role="doc-backlink" aria-label="Zurück zum Text">↩︎</a></p>
            </li>
            </ol>
            </section>

            """
        #expect(result.html == expected)
        #expect(result.anchors == ["fn-rec-1-note", "fnref-rec-1-note"])
    }

    @Test("numbering continues across two fragments on one page and ids never collide")
    func continuousNumbering() {
        var page = MarkdownPageContext()
        let first = Markdown.render(
            "A[^1] B[^2]\n\n[^1]: One.\n[^2]: Two.",
            options: MarkdownOptions(idPrefix: "rec-1"), page: &page
        )
        let second = Markdown.render(
            "C[^1]\n\n[^1]: Three.",
            options: MarkdownOptions(idPrefix: "rec-2"), page: &page
        )
        #expect(page.footnoteCount == 3)
        #expect(first.html.contains(">1</a></sup>") && first.html.contains(">2</a></sup>"))
        #expect(first.html.contains("<ol start=\"1\">"))
        #expect(second.html.contains("<a href=\"#fn-rec-2-1\" id=\"fnref-rec-2-1\" role=\"doc-noteref\">3</a>"))
        #expect(second.html.contains("<ol start=\"3\">\n<li id=\"fn-rec-2-1\">"))
        #expect(Set(first.anchors).isDisjoint(with: second.anchors))
    }

    @Test("the same prefix twice on a page still gives unique ids")
    func samePrefixTwice() {
        var page = MarkdownPageContext()
        let first = Markdown.render("A[^1]\n\n[^1]: x", options: MarkdownOptions(), page: &page)
        let second = Markdown.render("B[^1]\n\n[^1]: y", options: MarkdownOptions(), page: &page)
        #expect(first.anchors == ["fn-1", "fnref-1"])
        #expect(second.anchors == ["fn-1-2", "fnref-1-2"])
        #expect(second.html.contains("href=\"#fn-1-2\"") && second.html.contains("href=\"#fnref-1-2\""))
    }

    @Test("notes are numbered by first reference, and a note cited twice gets two back-links")
    func orderAndRepeats() throws {
        let result = Render.fragment("X[^b] Y[^a] Z[^b]\n\n[^a]: A.\n[^b]: B.\n[^unused]: U.")
        #expect(result.html.contains("<a href=\"#fn-b\" id=\"fnref-b\" role=\"doc-noteref\">1</a>"))
        #expect(result.html.contains("<a href=\"#fn-a\" id=\"fnref-a\" role=\"doc-noteref\">2</a>"))
        #expect(result.html.contains("<a href=\"#fn-b\" id=\"fnref-b-2\" role=\"doc-noteref\">1</a>"))
        #expect(result.html.contains("aria-label=\"Back to text 2\">↩︎<sup>2</sup></a>"))
        #expect(!result.html.contains("U."))
        let bIndex = try #require(result.html.range(of: "<li id=\"fn-b\">")?.lowerBound)
        let aIndex = try #require(result.html.range(of: "<li id=\"fn-a\">")?.lowerBound)
        #expect(bIndex < aIndex)
    }

    @Test("labels are sanitized into id-safe slugs")
    func labelSanitizing() {
        let result = Render.fragment("A[^Über.Note!]\n\n[^Über.Note!]: x")
        #expect(result.anchors == ["fn-übernote", "fnref-übernote"])
    }

    @Test("a reference to an undefined footnote stays plain text")
    func undefinedReference() {
        let result = Render.fragment("See[^missing].")
        #expect(result.html == "<p>See[^missing].</p>\n")
        #expect(result.anchors.isEmpty)
    }

    @Test("a note ending in a list gets its back-link after the list")
    func backLinkAfterBlock() {
        let html = Render.fragment("A[^n]\n\n[^n]: Intro\n\n    - item").html
        #expect(html.contains("<li>item</li>\n</ul>\n<p><a href=\"#fnref-n\""))
    }

    @Test("footnotes are left out of the plain text but kept in the HTML")
    func plainText() {
        let result = Render.fragment("Main[^1] text.\n\n[^1]: Note text.")
        #expect(result.plainText == "Main text.")
        #expect(result.html.contains("Note text."))
    }
}
