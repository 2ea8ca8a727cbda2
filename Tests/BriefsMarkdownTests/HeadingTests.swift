import BriefsMarkdown
import Testing

@Suite("Headings, slugs and page-wide ids")
struct HeadingTests {
    @Test(
        "slugs keep letters of any script, lower-case them and drop punctuation",
        arguments: [
            ("Wohnungsmarkt im ländlichen Raum", "wohnungsmarkt-im-ländlichen-raum"),
            ("Vernetzung als eigene Aufgabe", "vernetzung-als-eigene-aufgabe"),
            ("  Was tun?  Jetzt!  ", "was-tun-jetzt"),
            ("„Quoted“ – dash — here", "quoted-dash-here"),
            ("1990--2000 & 2010–2020", "1990-2000-2010-2020"),
            ("Ελληνικά και Русский", "ελληνικά-και-русский"),
            ("日本語の見出し", "日本語の見出し"),
            ("snake_case and kebab-case", "snake-case-and-kebab-case"),
            ("STRASSE Straße", "strasse-straße"),
            ("a\u{0308}rger", "a\u{0308}rger"),
            ("ÄRGER über İstanbul – 1990–2000", "ärger-über-i\u{0307}stanbul-1990-2000"),
            ("\u{212A}elvin (ΣΟΦΙΑ)", "kelvin-σοφια"),
            ("Ärger_\u{0301}Akzent", "ärger-akzent"),
            ("?!…", "section"),
            ("", "section"),
        ]
    )
    func slugs(text: String, expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test("headings get ids and non-ASCII slugs")
    func headingIDs() {
        let result = Render.fragment("# Wohnungsmarkt im ländlichen Raum\n\n## Was *jetzt*?")
        #expect(result.html == "<h1 id=\"wohnungsmarkt-im-ländlichen-raum\">Wohnungsmarkt im ländlichen Raum</h1>\n"
            + "<h2 id=\"was-jetzt\">Was <em>jetzt</em>?</h2>\n")
        #expect(result.headings == [
            MarkdownHeading(level: 1, text: "Wohnungsmarkt im ländlichen Raum",
                            id: "wohnungsmarkt-im-ländlichen-raum", line: 1, column: 1),
            MarkdownHeading(level: 2, text: "Was jetzt?", id: "was-jetzt", line: 3, column: 1),
        ])
        #expect(result.anchors == ["wohnungsmarkt-im-ländlichen-raum", "was-jetzt"])
    }

    @Test("repeated headings are made unique with -2, -3 within a fragment")
    func uniqueWithinFragment() {
        let ids = Render.fragment("# Ziele\n\n# Ziele\n\n# Ziele\n\n# Ziele 2").headings.map(\.id)
        #expect(ids == ["ziele", "ziele-2", "ziele-3", "ziele-2-2"])
    }

    @Test("ids stay unique across fragments on one page and avoid reserved ids")
    func uniqueAcrossFragments() {
        var page = MarkdownPageContext(reservedIDs: ["background", "cite"])
        let options = MarkdownOptions(language: .english)
        let first = Markdown.render("# Background\n\n# Summary", options: options, page: &page)
        let second = Markdown.render("# Summary\n\n# Cite", options: options, page: &page)
        #expect(first.headings.map(\.id) == ["background-2", "summary"])
        #expect(second.headings.map(\.id) == ["summary-2", "cite-2"])
        #expect(page.uniqueID(for: "Summary") == "summary-3")
        #expect(page.claim("fresh") == "fresh")
        #expect(page.usedIDs.isSuperset(of: ["background", "background-2", "summary", "summary-2", "cite-2"]))
    }

    @Test("headingBase shifts levels and clamps at h6")
    func headingBase() {
        let markdown = "# One\n\n## Two\n\n###### Six"
        #expect(Render.fragment(markdown, headingBase: 3).headings.map(\.level) == [3, 4, 6])
        let html = Render.fragment(markdown, headingBase: 3).html
        #expect(html.hasPrefix("<h3 id=\"one\">One</h3>\n<h4 id=\"two\">Two</h4>\n<h6 id=\"six\">Six</h6>"))
        #expect(Render.fragment(markdown, headingBase: 9).headings.map(\.level) == [6, 6, 6])
        #expect(Render.fragment(markdown, headingBase: 0).headings.map(\.level) == [1, 2, 6])
    }

    @Test("setext headings and headings in containers are found too")
    func otherHeadings() {
        let result = Render.fragment("Title\n=====\n\n> ## Inner")
        #expect(result.headings.map(\.id) == ["title", "inner"])
        #expect(result.headings.map(\.line) == [1, 4])
        #expect(result.headings[1].column == 3)
    }
}
