import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// Problems inside Markdown are reported at the line and column of the `.md` file, also when
/// the Markdown sits in a YAML block scalar or a one-line value.
@Suite("Positions inside Markdown fields")
struct MarkdownPositionTests {
    @Test("raw HTML in a | block, a quote and the body point at their file positions")
    func positions() async throws {
        let text = """
            ---
            title: Wohnen
            date: 2025-06-14
            doi: 10.59350/wohnen.1
            authors: [Erika Muster]
            recommendations:
              - title: Erstens
                text: |
                  Erster Absatz.

                  Zweiter mit <em>HTML</em>.
                quotes:
                  - text: Zitat mit <b>Fett</b>.
                    source: Verwaltung
            research: "Ein <i>Satz</i>."
            ---
            Größe über <u>alles</u>.

            """
        let site = try TestSite(files: ["content/briefs/wohnen.md": text])
        defer { site.remove() }
        let report = try await site.run(write: false)
        let positions = report.diagnostics.filter { $0.id == "markdown.raw-html" }.compactMap(\.location?.description)
        #expect(positions == [
            "content/briefs/wohnen.md:11:19",  // `<em>` on line 3 of the block, indented by 6
            "content/briefs/wohnen.md:13:25",  // `<b>` in a one-line quote
            "content/briefs/wohnen.md:15:16",  // `<i>` after the opening quote of a "…" value
            "content/briefs/wohnen.md:17:12",  // `<u>` in the body, after two umlauts
        ])
    }

    @Test("folded, multi-line plain and escaped quoted values map every line back to the file")
    func reflowedValues() async throws {
        let text = """
            ---
            title: Wohnen
            date: 2025-06-14
            doi: 10.59350/wohnen.1
            authors: [Erika Muster]
            recommendations:
              - title: Erstens
                text: >
                  folded line one
                  folded <b>two</b>

                  para <i>three</i>
              - title: Zweitens
                text: plain first
                  plain <q>second</q>
              - title: Drittens
                text: "esc\\"aped <em>x</em>"
            ---
            Text.

            """
        let site = try TestSite(files: ["content/briefs/wohnen.md": text])
        defer { site.remove() }
        let report = try await site.run(write: false)
        let positions = report.diagnostics.filter { $0.id == "markdown.raw-html" }.compactMap(\.location?.description)
        #expect(positions == [
            "content/briefs/wohnen.md:10:14",
            "content/briefs/wohnen.md:12:12",
            "content/briefs/wohnen.md:15:13",
            "content/briefs/wohnen.md:17:22",
        ])
    }
}
