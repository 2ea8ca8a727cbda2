import BriefsBuild
import BriefsCore
import Foundation
import Testing

@Suite("The example site")
struct ExampleSiteTests {
    @Test("builds cleanly into the documented layout, matching the golden files")
    func golden() async throws {
        let site = try TestSite.example()
        defer { site.remove() }
        let report = try await site.run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(!report.failed)
        let brief = "briefs/integrationschampions/"
        let expected = ["404.html", "assets/fonts.css", "assets/print.css", "assets/social.png", "assets/style.css", brief + "index.html",
                        brief + "integrationschampions.bib", brief + "integrationschampions.json",
                        brief + "integrationschampions.ris", "feed.json", "feed.xml", "index.html", "robots.txt", "sitemap.xml"]
        #expect(report.files.map(\.path).filter { !$0.hasPrefix("assets/fonts/") }.sorted() == expected)
        #expect(report.files.filter { $0.path.hasPrefix("assets/fonts/") }.allSatisfy { $0.path.hasSuffix(".woff2") })
        for page in ["index.html", "404.html", brief + "index.html", brief + "integrationschampions.bib",
                     brief + "integrationschampions.ris", brief + "integrationschampions.json", "feed.xml", "feed.json",
                     "sitemap.xml", "robots.txt"] {
            let html = try #require(site.read(page))
            try Golden.assertMatches(html, "example/" + page)
        }
    }

    @Test("the brief page has the structure readers and screen readers rely on")
    func structure() async throws {
        let site = try TestSite.example()
        defer { site.remove() }
        _ = try await site.run()
        let html = try #require(site.read("briefs/integrationschampions/index.html"))
        #expect(html.contains("<html lang=\"de\">"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer", "class=\"skip-link\" href=\"#main\""] {
            #expect(html.contains(landmark), "missing \(landmark)")
        }
        for id in ["recommendations", "recommendation-1", "recommendation-3", "vernetzung-als-eigene-aufgabe",
                   "background", "background-1", "research", "imprint"] {
            #expect(html.contains("id=\"\(id)\""), "missing #\(id)")
        }
        #expect(html.contains("<figure class=\"quote\">\n<blockquote>"))
        #expect(html.contains("<figcaption>Verwaltung, Halle (Saale)</figcaption>"))
        #expect(html.contains("<a href=\"https://doi.org/10.59350/forschungmigration.168\">"))
        #expect(html.contains("rel=\"license\">CC BY 4.0</a>"))
        #expect(html.contains("„Sieg“"))
        // Order of the sections as the brief format prescribes.
        let order = ["class=\"lede\"", "id=\"recommendations\"", "id=\"background\"", "id=\"research\"", "id=\"imprint\""]
        let positions = order.compactMap { html.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test("two builds produce byte-identical files, with 1 or 2 workers")
    func deterministic() async throws {
        let site = try TestSite.example()
        defer { site.remove() }
        let first = try await site.run(write: false, concurrency: 1).files
        let second = try await site.run(write: false, concurrency: 2).files
        #expect(first == second)
    }
}
