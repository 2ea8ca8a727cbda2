@testable import BriefsCheck
import BriefsCore
import Foundation
import Testing

@Suite("Planning the external check (no network)")
struct LinkPlannerTests {
    @Test("Destinations are normalised: scheme and host lower-cased, default port dropped, fragment kept apart")
    func normalisation() {
        #expect(ParsedLink.parse("HTTPS://Example.ORG:443") == .target(.web(url: "https://example.org/", host: "example.org", fragment: nil)))
        #expect(ParsedLink.parse("http://example.org:8080/a?b=1#Teil") ==
            .target(.web(url: "http://example.org:8080/a?b=1", host: "example.org", fragment: "Teil")))
        #expect(ParsedLink.parse("//example.org/x") == .target(.web(url: "https://example.org/x", host: "example.org", fragment: nil)))
        #expect(ParsedLink.parse("https://doi.org/10.59350/V2GEC-5XT36") == .target(.doi("10.59350/v2gec-5xt36")))
        #expect(ParsedLink.parse("http://dx.doi.org/10.1000%2F182") == .target(.doi("10.1000/182")))
        #expect(ParsedLink.parse("https://doi.org/") == .target(.web(url: "https://doi.org/", host: "doi.org", fragment: nil)))
        #expect(ParsedLink.parse("https://de.wikipedia.org/wiki/Müll#Geschichte") ==
            .target(.web(url: "https://de.wikipedia.org/wiki/M%C3%BCll", host: "de.wikipedia.org", fragment: "Geschichte")))
        #expect(ParsedLink.parse("ftp://example.org/file") == .unsupported(scheme: "ftp"))
        if case .invalid = ParsedLink.parse("https://exa mple.org/") {} else { Issue.record("a space should make the URL invalid") }
    }

    @Test("The same target written twice is fetched once; targets are interleaved by host")
    func dedupeAndInterleave() {
        let links = CheckFixtures.links([
            "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://b.example/1",
            "https://A.example/1", "https://b.example/2",
        ])
        let plan = LinkPlanner().plan(links, cache: LinkCache(), now: Date())
        #expect(plan.uses.count == 6)
        #expect(plan.requests.map(\.key) == [
            "https://a.example/1", "https://b.example/1", "https://a.example/2", "https://b.example/2", "https://a.example/3",
        ])
    }

    @Test("Exclusions match the written link or its normalised form; a broken pattern is reported where it is written")
    func exclusions() {
        let links = CheckFixtures.links(["https://www.linkedin.com/in/x", "HTTPS://STATS.example/a", "https://ok.example/"])
        let site = SourceLocation(path: "content/site.yaml", line: 4, column: 9)
        let planner = LinkPlanner(exclusions: [
            .init(pattern: "linkedin\\.com"), .init(pattern: "^https://stats\\."), .init(pattern: "(", location: site, length: 1),
        ])
        let plan = planner.plan(links, cache: LinkCache(), now: Date())
        #expect(plan.excludedCount == 2)
        #expect(plan.requests.map(\.key) == ["https://ok.example/"])
        #expect(plan.diagnostics.map(\.id) == ["link.invalid-exclude"])
        #expect(plan.diagnostics.first?.location == site)
    }

    @Test("mailto: and tel: are checked for syntax only", arguments: [
        ("mailto:info@example.org", true), ("mailto:a@example.org,b@example.de?subject=Hallo", true),
        ("mailto:info%40example.org", true), ("mailto:", false), ("mailto:info.example.org", false),
        ("mailto:a@b@example.org", false), ("mailto:info@localhost", false), ("mailto:in fo@example.org", false),
        ("tel:+49-30-1234567", true), ("tel:+49%2030%20123", true), ("tel:7042;phone-context=example.com", true),
        ("tel:030-1234567", false), ("tel:+49-30-CALLME", false), ("tel:+1", false),
    ])
    func contactSyntax(link: String, valid: Bool) {
        let plan = LinkPlanner().plan(CheckFixtures.links([link]), cache: LinkCache(), now: Date())
        #expect(plan.diagnostics.isEmpty == valid, "\(link): \(plan.diagnostics.map(\.message))")
        #expect(plan.requests.isEmpty)
    }

    @Test("Fresh cache entries answer; successes age after 7 days, failures after 1, --max-age shortens both")
    func cacheAges() {
        var cache = LinkCache()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        cache.entries["https://good.example/"] = .init(outcome: .ok(status: 200), checkedAt: now.addingTimeInterval(-3 * 86_400))
        cache.entries["https://bad.example/"] = .init(outcome: .broken(status: 404, finalURL: nil), checkedAt: now.addingTimeInterval(-3 * 3_600))
        cache.entries["https://old-bad.example/"] = .init(outcome: .timeout(seconds: 20), checkedAt: now.addingTimeInterval(-2 * 86_400))
        let links = CheckFixtures.links(["https://good.example/", "https://bad.example/", "https://old-bad.example/"])
        let plan = LinkPlanner().plan(links, cache: cache, now: now)
        #expect(plan.cached.count == 2)
        #expect(plan.requests.map(\.key) == ["https://old-bad.example/"])

        var options = LinkCheckOptions()
        options.setMaxAge(.seconds(3_600))
        let strict = LinkPlanner(options: options).plan(links, cache: cache, now: now)
        #expect(strict.cached.isEmpty)
        #expect(LinkCheckOptions.parseDuration("7d") == .seconds(604_800))
        #expect(LinkCheckOptions.parseDuration("12h") == .seconds(43_200))
        #expect(LinkCheckOptions.parseDuration("90") == .seconds(90))
        #expect(LinkCheckOptions.parseDuration("soon") == nil)
    }

    @Test("A missing or unreadable cache file is an empty cache")
    func unreadableCache() throws {
        let folder = try CheckFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("linkcheck.json")
        #expect(LinkCache.load(from: file).entries.isEmpty)
        try Data("not json".utf8).write(to: file)
        #expect(LinkCache.load(from: file).entries.isEmpty)
    }

    @Test("Retry-After is read as seconds or as an HTTP date")
    func retryAfter() {
        #expect(LinkFetcher.parseRetryAfter("120") == .seconds(120))
        #expect(LinkFetcher.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == .zero)
        #expect(LinkFetcher.parseRetryAfter("later") == nil)
    }
}
