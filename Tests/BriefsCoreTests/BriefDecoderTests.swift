import Testing
@testable import BriefsCore

/// Decoding front matter: typed values, positions pointing at the value, every problem at once.
@Suite("Brief front matter")
struct BriefDecoderTests {
    static let site = SiteConfig(
        title: "Site", baseURL: "https://example.org/", language: "de", series: "Handlungsimpulse",
        license: Located("CC-BY-4.0", at: SourceLocation(path: "content/site.yaml", line: 5, column: 10)),
        affiliations: [Affiliation(id: "tuc", name: "TU Chemnitz", unit: nil, ror: nil,
                                   location: SourceLocation(path: "content/site.yaml", line: 7, column: 9))],
        imprint: Imprint(publisher: "TU Chemnitz", unit: nil, place: "Chemnitz", contact: nil))

    static let valid = """
        ---
        title: Wohnen
        date: 2025-06-14
        doi: https://doi.org/10.59350/ABC.1
        authors:
          - name: Erika Maria Muster
            orcid: 0000-0002-1825-0097
            affiliations: [tuc]
        recommendations:
          - title: Erstens
            text: |
              Absatz mit [Link](https://example.org).

              Zweiter Absatz.
            quotes:
              - text: Ein Zitat.
                source: Verwaltung
        ---
        Die Einleitung.
        """

    func decode(_ text: String) -> (Brief?, [Diagnostic]) {
        BriefDecoder.decode(text: text, path: "content/briefs/wohnen.md", slug: "wohnen", site: Self.site)
    }

    @Test("A valid brief decodes with site defaults applied")
    func valid() throws {
        let (brief, diagnostics) = decode(Self.valid)
        #expect(diagnostics.isEmpty)
        let decoded = try #require(brief)
        #expect(decoded.title.value == "Wohnen")
        #expect(decoded.language.value == "de")
        #expect(decoded.series == "Handlungsimpulse")
        #expect(decoded.doi?.value == "10.59350/abc.1")
        #expect(decoded.license?.value == "CC-BY-4.0")
        #expect(decoded.authors.first?.given == "Erika Maria")
        #expect(decoded.authors.first?.family == "Muster")
        #expect(decoded.affiliations.map(\.id) == ["tuc"])
        #expect(decoded.recommendations.first?.quotes.first?.source == "Verwaltung")
        #expect(decoded.body.text == "Die Einleitung.")
        #expect(decoded.body.origin.firstLine == 19)
        #expect(decoded.title.location == SourceLocation(path: "content/briefs/wohnen.md", line: 2, column: 8))
    }

    @Test("Markdown in a | block maps its lines and indentation back to the file")
    func blockScalarOrigin() throws {
        let brief = try #require(decode(Self.valid).0)
        let text = try #require(brief.recommendations.first?.text)
        #expect(text.text.hasPrefix("Absatz mit"))
        // Line 3 of the Markdown ("Zweiter Absatz.") is line 14 of the file, indented by 6.
        #expect(text.origin.location(line: 3, column: 1) == SourceLocation(path: "content/briefs/wohnen.md", line: 14, column: 7))
        let quote = try #require(brief.recommendations.first?.quotes.first?.text)
        #expect(quote.origin.location(line: 1, column: 1).line == 16)
        #expect(quote.origin.location(line: 1, column: 1).column == 15)
    }

    @Test("Every problem of a file is reported in one run")
    func allProblemsAtOnce() {
        let text = """
            ---
            titel: Wohnen
            date: 2025-13-01
            authors:
              - name: A B
                affiliations: [xyz]
            recommendations:
              - title: R
                quotes:
                  - text: Ohne Quelle
            ---
            """
        let (brief, diagnostics) = decode(text)
        #expect(brief?.isComplete == false)
        let ids = diagnostics.map(\.id.rawValue)
        #expect(ids.contains("front-matter.unknown-key"))
        #expect(ids.contains("front-matter.missing-field"))  // title, and the quote's source
        #expect(ids.contains("front-matter.invalid-date"))
        #expect(ids.contains("front-matter.undefined-affiliation"))
        #expect(ids.contains("front-matter.missing-for-release"))  // doi
        let date = diagnostics.first { $0.id == "front-matter.invalid-date" }
        #expect(date?.location?.line == 3)
        #expect(date?.location?.column == 7)
        #expect(date?.length == 10)
        let unknown = diagnostics.first { $0.id == "front-matter.unknown-key" }
        #expect(unknown?.label == "did you mean 'title'?")
        let quote = diagnostics.first { $0.message.contains("quote 1 of recommendation 1 has no 'source'") }
        #expect(quote?.location?.line == 10)
    }

    @Test("Malformed YAML points at the line where the parser stopped")
    func malformedYAML() throws {
        let (_, diagnostics) = decode("---\ntitle: Wohnen\ndate: [2025\nauthors: x\n---\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "front-matter.invalid-yaml")
        #expect((diagnostic.location?.line ?? 0) >= 3)
    }

    @Test("An unclosed quote is reported at the quote, not at the end of the file")
    func unclosedQuote() throws {
        let (_, diagnostics) = decode("---\ntitle: Wohnen\nsubtitle: \"offen\ndate: 2025\n---\n")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.id == "front-matter.invalid-yaml")
        #expect(diagnostic.location?.line == 3)
        #expect(diagnostic.location?.column == 11)
    }

    @Test("A file without front matter fences is reported")
    func fences() {
        #expect(decode("Nur Text.\n").1.first?.id == "front-matter.missing-start")
        #expect(decode("---\ntitle: x\n").1.first?.id == "front-matter.missing-end")
    }

    @Test("YAML alias bombs stop at the value limit instead of expanding")
    func aliasBomb() {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let items = Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ")
            yaml += "l\(level): &l\(level) [\(items)]\n"
        }
        yaml += "---\n"
        let (brief, diagnostics) = decode(yaml)
        #expect(brief == nil)
        #expect(diagnostics.map(\.id.rawValue) == ["front-matter.too-complex"])
    }

    @Test("Wrong types name what was expected and what was found")
    func wrongTypes() {
        let text = Self.valid.replacingOccurrences(of: "date: 2025-06-14", with: "date: 2025-06-14\nnumber: sieben\ndraft: vielleicht\nkeywords: {a: b}")
        let messages = decode(text).1.filter { $0.id == "front-matter.wrong-type" }.map(\.message)
        #expect(messages.contains { $0.contains("'number' must be a whole number") })
        #expect(messages.contains { $0.contains("'draft' must be true or false") })
        #expect(messages.contains { $0.contains("'keywords' must be a list") })
    }

    @Test("Drafts may leave out DOI, license and imprint")
    func drafts() {
        let site = SiteConfig(title: "S", baseURL: "https://example.org/")
        let text = "---\ntitle: T\ndraft: true\ndate: 2025\nauthors: [Erika Muster]\nrecommendations:\n  - title: R\n---\n"
        let (brief, diagnostics) = BriefDecoder.decode(text: text, path: "p.md", slug: "p", site: site)
        #expect(diagnostics.isEmpty)
        #expect(brief?.isDraft == true)
        let published = text.replacingOccurrences(of: "draft: true\n", with: "")
        let ids = BriefDecoder.decode(text: published, path: "p.md", slug: "p", site: site).1.map(\.id.rawValue)
        #expect(ids.filter { $0 == "front-matter.missing-for-release" }.count == 3)
    }
}
