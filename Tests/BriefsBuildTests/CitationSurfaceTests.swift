import BriefsBuild
import BriefsCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Title, authors, date, DOI and license must agree on every surface: page head (Highwire,
/// Dublin Core, JSON-LD, Open Graph), the cite box, BibTeX, RIS, CSL-JSON, Atom and JSON Feed.
@Suite("Citation metadata on every surface")
struct CitationSurfaceTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var slug: String
        var title: String
        /// "Family, Given" per author.
        var authors: [String]
        var orcids: [String?]
        var date: String
        var doi: String
        var license = "https://creativecommons.org/licenses/by/4.0/"
        var language: String
        var testDescription: String { slug }
    }

    static let multi: [Expected] = [
        Expected(slug: "wohnen-im-alter", title: "Wohnen im Alter: Was Kommunen für ältere Zugewanderte tun können",
                 authors: ["Muster, Erika Maria", "Schmidt-Łukasz, Jan"],
                 orcids: ["0000-0002-1825-0097", "0000-0002-1694-233X"], date: "2025-09-15",
                 doi: "10.59350/v2gec-5xt36", language: "de"),
        Expected(slug: "housing-in-old-age", title: "Housing in old age: What municipalities can do for older migrants",
                 authors: ["Muster, Erika Maria", "Schmidt-Łukasz, Jan"],
                 orcids: ["0000-0002-1825-0097", "0000-0002-1694-233X"], date: "2025-09-15",
                 doi: "10.59350/2shz7-ehx26", language: "en"),
        Expected(slug: "integrationschampions",
                 title: "Integrationschampions: Die Rolle von Einzelnen im lokalen Umgang mit Ankommen und Integration",
                 authors: ["Zekovic, Denis"], orcids: [nil], date: "2025-06",
                 doi: "10.59350/forschungmigration.168", language: "de"),
    ]

    static func multiSite() throws -> TestSite {
        let site = try TestSite(files: [:], withSiteYAML: false)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(
            at: TestSite.repository.appendingPathComponent("Tests/Fixtures/sites/multi/content"),
            to: site.root.appendingPathComponent("content"))
        return site
    }

    @Test("agree across page head, exports and feeds", arguments: multi)
    func agree(_ expected: Expected) async throws {
        let site = try Self.multiSite()
        defer { site.remove() }
        let report = try await site.run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let s = Surfaces(site: site, slug: expected.slug)
        let pageURL = "https://forschung-migration.example.org/briefs/\(expected.slug)/"
        let doiURL = "https://doi.org/" + expected.doi
        let year = String(expected.date.prefix(4))

        // Title
        #expect(s.meta("citation_title") == [expected.title])
        #expect(s.meta("DC.title") == [expected.title])
        #expect(s.meta("og:title") == [expected.title])
        #expect(s.jsonLD["name"] as? String == expected.title)
        #expect(s.bibTeX["title"] == expected.title)
        #expect(s.ris("TI") == [expected.title])
        #expect(s.csl["title"] as? String == expected.title)
        #expect(s.jsonFeedItem(pageURL: pageURL)?["title"] as? String == expected.title)
        let atom = try #require(try s.atomEntry(pageURL: pageURL))
        #expect(Surfaces.children(atom, "title").first?.stringValue == expected.title)

        // Authors, in order, with ORCIDs
        #expect(s.meta("citation_author") == expected.authors)
        #expect(s.meta("DC.creator") == expected.authors)
        #expect(s.ris("AU") == expected.authors)
        #expect(s.bibTeX["author"] == expected.authors.joined(separator: " and "))
        let cslAuthors = (s.csl["author"] as? [[String: String]])?.map { [$0["family"], $0["given"]].compactMap { $0 }.joined(separator: ", ") }
        #expect(cslAuthors == expected.authors)
        let ldAuthors = s.jsonLD["author"] as? [[String: Any]] ?? []
        #expect(ldAuthors.map { "\($0["familyName"] ?? ""), \($0["givenName"] ?? "")" } == expected.authors)
        #expect(ldAuthors.map { $0["@id"] as? String } == expected.orcids.map { $0.map { "https://orcid.org/" + $0 } })
        #expect(s.meta("citation_author_orcid") == expected.orcids.compactMap { $0 })
        let feedAuthors = s.jsonFeedItem(pageURL: pageURL)?["authors"] as? [[String: String]] ?? []
        #expect(feedAuthors.map { $0["url"] } == expected.orcids.map { $0.map { "https://orcid.org/" + $0 } })
        #expect(Surfaces.children(atom, "author").map { Surfaces.children($0, "uri").first?.stringValue }
                == expected.orcids.map { $0.map { "https://orcid.org/" + $0 } })

        // Date
        #expect(s.meta("DC.date") == [expected.date])
        #expect(s.jsonLD["datePublished"] as? String == expected.date)
        #expect(s.meta("citation_publication_date").first.map { $0.hasPrefix(year) } == true)
        #expect(s.meta("citation_publication_date").first?.replacingOccurrences(of: "/", with: "-") == (expected.date.count == 10 ? expected.date : year))
        #expect(s.ris("PY") == [year])
        #expect(s.bibTeX["year"] == year)
        let parts = ((s.csl["issued"] as? [String: Any])?["date-parts"] as? [[Int]])?.first
        #expect(parts?.map { String(format: "%02d", $0) }.joined(separator: "-") == expected.date)
        #expect((s.jsonFeedItem(pageURL: pageURL)?["date_published"] as? String)?.hasPrefix(expected.date) == true)
        #expect(Surfaces.children(atom, "published").first?.stringValue?.hasPrefix(expected.date) == true)

        // DOI
        #expect(s.meta("citation_doi") == [expected.doi])
        #expect(s.meta("DC.identifier") == [doiURL])
        #expect(s.jsonLD["@id"] as? String == doiURL)
        #expect(s.bibTeX["doi"] == expected.doi)
        #expect(s.ris("DO") == [expected.doi])
        #expect(s.csl["DOI"] as? String == expected.doi)
        #expect(s.jsonFeedItem(pageURL: pageURL)?["id"] as? String == doiURL)
        #expect(Surfaces.children(atom, "id").first?.stringValue == doiURL)
        #expect(s.page.contains("<a href=\"\(doiURL)\">\(doiURL)</a>"))

        // License
        #expect(s.meta("DC.rights") == [expected.license])
        #expect(s.jsonLD["license"] as? String == expected.license)
        #expect(s.page.contains("<a href=\"\(expected.license)\" rel=\"license\">"))
        #expect(s.ris("C1") == [expected.license])
        #expect((s.jsonFeedItem(pageURL: pageURL)?["_briefpress"] as? [String: String])?["license"] == expected.license)
        #expect(Surfaces.children(atom, "link").contains { Surfaces.attribute($0, "rel") == "license"
            && Surfaces.attribute($0, "href") == expected.license })

        // Language and canonical URL
        #expect(s.page.contains("<html lang=\"\(expected.language)\">"))
        #expect(s.meta("citation_language") == [expected.language])
        #expect(s.jsonLD["inLanguage"] as? String == expected.language)
        #expect(s.page.contains("<link rel=\"canonical\" href=\"\(pageURL)\">"))
        #expect(s.meta("og:url") == [pageURL])
        #expect(s.meta("citation_abstract_html_url") == [pageURL])
    }

    @Test("Highwire tags follow Google Scholar's rules")
    func highwireOrder() async throws {
        let site = try Self.multiSite()
        defer { site.remove() }
        _ = try await site.run()
        let s = Surfaces(site: site, slug: "wohnen-im-alter")
        let names = s.metas.map(\.0).filter { $0.hasPrefix("citation_author") }
        // Each author's institutions and ORCID come right after that author.
        #expect(names == ["citation_author", "citation_author_institution", "citation_author_institution",
                          "citation_author_orcid", "citation_author", "citation_author_institution", "citation_author_orcid"])
        #expect(s.meta("citation_publication_date") == ["2025/09/15"])
        #expect(s.meta("citation_technical_report_number") == ["8"])
        #expect(s.meta("citation_technical_report_institution") == ["Professur für Humangeographie, Technische Universität Chemnitz"])
        #expect(s.meta("citation_keywords") == ["Wohnen", "Alter", "Kommunen"])
        #expect(s.meta("og:image").first?.hasPrefix("https://") == true)
        #expect(s.meta("og:locale") == ["de_DE"])
        #expect(s.meta("og:locale:alternate") == ["en_US"])
        #expect(s.page.contains("<link rel=\"alternate\" href=\"https://forschung-migration.example.org/briefs/housing-in-old-age/\" hreflang=\"en\">"))
        #expect(s.page.contains("<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">"))
        let ld = s.jsonLD
        #expect(ld["@type"] as? String == "Report")
        #expect(ld["reportNumber"] as? String == "8")
        #expect((ld["isPartOf"] as? [String: String])?["name"] == "Handlungsimpulse")
        let affiliations = (ld["author"] as? [[String: Any]])?.first?["affiliation"] as? [[String: String]]
        #expect(affiliations?.map { $0["@id"] } == ["https://ror.org/00a208s56", "https://ror.org/03yrm5c26"])
    }

    @Test("exports follow their formats")
    func exportFormats() async throws {
        let site = try Self.multiSite()
        defer { site.remove() }
        _ = try await site.run()
        let s = Surfaces(site: site, slug: "wohnen-im-alter")
        let lines = s.risRaw.components(separatedBy: "\r\n").dropLast()
        #expect(!s.risRaw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.first == "TY  - RPRT")
        #expect(lines.last == "ER  - ")
        #expect(lines.allSatisfy { $0.wholeMatch(of: #/[A-Z][A-Z0-9]  - .*/#) != nil })
        #expect(s.ris("SN") == ["8"])
        #expect(s.ris("DA") == ["2025/09/15/"])
        let bib = site.read("briefs/wohnen-im-alter/wohnen-im-alter.bib") ?? ""
        #expect(bib.hasPrefix("@techreport{muster2025wohnen,\n"))
        #expect(bib.filter { $0 == "{" }.count == bib.filter { $0 == "}" }.count)
        #expect(s.bibTeX["month"] == "sep")
        #expect(s.bibTeX["type"] == "Handlungsimpulse")
        #expect(s.bibTeX["number"] == "8")
        #expect(s.csl["type"] as? String == "report")
        #expect(s.csl["keyword"] as? String == "Wohnen, Alter, Kommunen")
    }

    @Test("the cite box shows an APA 7 citation in the brief's language")
    func citeBox() async throws {
        let site = try Self.multiSite()
        defer { site.remove() }
        _ = try await site.run()
        let de = Surfaces(site: site, slug: "wohnen-im-alter").page
        #expect(de.contains("<p class=\"citation\">Muster, E. M. &amp; Schmidt-Łukasz, J. (2025). <i>Wohnen im Alter: Was Kommunen für ältere Zugewanderte tun können</i> (Handlungsimpulse Nr. 8). Professur für Humangeographie, Technische Universität Chemnitz. <a href=\"https://doi.org/10.59350/v2gec-5xt36\">https://doi.org/10.59350/v2gec-5xt36</a></p>"))
        let en = Surfaces(site: site, slug: "housing-in-old-age").page
        #expect(en.contains("<p class=\"citation\">Muster, E. M., &amp; Schmidt-Łukasz, J. (2025). <i>Housing in old age: What municipalities can do for older migrants</i> (Policy Impulses No. 8). Professur für Humangeographie, Technische Universität Chemnitz. <a href=\"https://doi.org/10.59350/2shz7-ehx26\">https://doi.org/10.59350/2shz7-ehx26</a></p>"))
        for format in ["bib", "ris", "json"] {
            #expect(de.contains("href=\"wohnen-im-alter.\(format)\""))
        }
    }

    @Test("feeds hold every published brief newest first, full text, never a draft")
    func feeds() async throws {
        let site = try Self.multiSite()
        defer { site.remove() }
        _ = try await site.run(drafts: true)
        let data = Data((site.read("feed.json") ?? "").utf8)
        let feed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = feed["items"] as? [[String: Any]] ?? []
        let urls: [String] = items.map { item in item["url"] as? String ?? "" }
        let slugs: [String] = urls.map { url in url.split(separator: "/").last.map(String.init) ?? "" }
        #expect(slugs == ["wohnen-im-alter", "housing-in-old-age", "integrationschampions"])
        let complete = items.allSatisfy { item in item["date_modified"] != nil && item["content_html"] != nil }
        #expect(complete)
        let content = items.first?["content_html"] as? String ?? ""
        #expect(content.contains("Barrierefreie Wohnungen"))
        #expect(content.contains("href=\"https://forschung-migration.example.org/briefs/integrationschampions/#recommendations\""))
        #expect(content.contains("href=\"https://forschung-migration.example.org/briefs/wohnen-im-alter/#fnref-recommendation-2-1\""))
        #expect(items.first?["date_modified"] as? String == "2025-10-01T00:00:00Z")
        let atom = site.read("feed.xml") ?? ""
        #expect(!atom.contains("Ein Entwurf"))
        #expect(atom.contains("<content type=\"html\"><![CDATA[<div class=\"lede\">"))
        #expect((site.read("sitemap.xml") ?? "").components(separatedBy: "<url>").count == 5)
        #expect(site.read("sitemap.xml")?.contains("entwurf") == false)
        #expect(site.read("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://forschung-migration.example.org/sitemap.xml\n")
        let home = site.read("index.html") ?? ""
        #expect(home.contains("type=\"application/atom+xml\""))
        #expect(home.contains("type=\"application/feed+json\""))
    }
}
