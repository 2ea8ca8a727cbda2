@testable import BriefsCheck
import BriefsCore
import Foundation
import Testing

@Suite("External link check against a local server")
struct ExternalLinkCheckerTests {
    @Test("Statuses, redirects, retries, timeouts and fragments give the right verdicts at the right positions")
    func scenarios() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let refused = try await TestHTTPServer.closedPort()
        let base = server.baseURL
        let paths = ["/ok", "/missing", "/gone", "/moved", "/temporary", "/loop-a", "/busy", "/flaky", "/hang",
                     "/no-head", "/page#present", "/page#absent", "/far/0", "/always-busy", "/moved-to-missing"]
        let destinations = paths.map { base + $0 } + ["http://127.0.0.1:\(refused)/nothing", base + "/ok"]
        let links = CheckFixtures.links(destinations)
        var options = CheckFixtures.fastOptions()
        options.retries = 2
        let result = await ExternalLinkChecker(options: options).check(links, cache: LinkCache(), now: Date())

        func verdict(_ path: String) -> LinkOutcome? {
            guard case .target(let target) = ParsedLink.parse(base + path) else { return nil }
            return result.outcomes[target]
        }
        #expect(verdict("/ok") == .ok(status: 200))
        #expect(verdict("/missing") == .broken(status: 404, finalURL: nil))
        #expect(verdict("/gone") == .broken(status: 410, finalURL: nil))
        #expect(verdict("/moved") == .permanentRedirect(to: base + "/ok", status: 200))
        #expect(verdict("/temporary") == .ok(status: 200))
        #expect(verdict("/loop-a") == .redirectLoop(repeated: base + "/loop-a"))
        #expect(verdict("/busy") == .ok(status: 200))
        #expect(verdict("/flaky") == .ok(status: 200))
        #expect(verdict("/hang") == .timeout(seconds: 1.5))
        #expect(verdict("/no-head") == .ok(status: 200))
        #expect(verdict("/page#present") == .ok(status: 200))
        #expect(verdict("/page#absent") == .fragmentMissing(fragment: "absent"))
        #expect(verdict("/far/0") == .tooManyRedirects(limit: 10))
        #expect(verdict("/always-busy") == .unavailable(status: 503, attempts: 3))
        #expect(verdict("/moved-to-missing") == .broken(status: 404, finalURL: base + "/missing"))
        #expect(result.outcomes.values.contains(.unreachable(reason: "the connection was refused")))

        // Requests the server saw: HEAD refused then GET; one 429 then success; 1 + 2 retries of 503;
        // the link written twice is asked once.
        #expect(server.count("/no-head") == 2)
        #expect(server.stats.methods.filter { $0.hasSuffix(" /no-head") } == ["HEAD /no-head", "GET /no-head"])
        #expect(server.count("/busy") == 2)
        #expect(server.count("/flaky") == 2)
        #expect(server.count("/always-busy") == 3)
        #expect(server.count("/ok") == 3)  // /ok itself, and the ends of /moved and /temporary
        #expect(server.count("/far/10") == 1)
        #expect(server.count("/far/11") == 0)
        // Retry-After: 1 was honoured.
        let busyTimes = try #require(server.stats.times["/busy"])
        #expect(busyTimes.count == 2 && busyTimes[0].duration(to: busyTimes[1]) >= .milliseconds(950))

        // Each problem sits where its link is written.
        let byLine = Dictionary(grouping: result.diagnostics, by: { $0.location?.line ?? 0 })
        #expect(byLine[11]?.map(\.id) == ["link.external-broken"])
        #expect(byLine[11]?.first?.location == SourceLocation(path: "content/briefs/a.md", line: 11, column: 5))
        #expect(byLine[11]?.first?.length == (base + "/missing").count)
        #expect(byLine[13]?.map(\.id) == ["link.external-redirect"])
        #expect(byLine[13]?.first?.severity == .warning)
        #expect(byLine[13]?.first?.message.contains(base + "/ok") == true)
        #expect(byLine[18]?.map(\.id) == ["link.external-timeout"])
        #expect(byLine[21]?.map(\.id) == ["link.fragment-missing-external"])
        #expect(byLine[25]?.map(\.id) == ["link.external-unreachable"])
        #expect(byLine[10] == nil && byLine[26] == nil)
    }

    @Test("No more requests than the per-host limit are in flight at once, and the total limit holds")
    func politeness() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        var options = CheckFixtures.fastOptions()
        options.perHostConcurrency = 2
        options.minimumInterval = .zero
        let links = CheckFixtures.links((0..<12).map { server.baseURL + "/slow/\($0)" })
        let result = await ExternalLinkChecker(options: options).check(links, cache: LinkCache(), now: Date())
        #expect(result.diagnostics.isEmpty)
        #expect(server.stats.total == 12)
        #expect(server.stats.maxInFlight == 2)

        let second = try await TestHTTPServer.start(route: CheckFixtures.route)
        options.perHostConcurrency = 1
        _ = await ExternalLinkChecker(options: options).check(
            CheckFixtures.links((0..<4).map { second.baseURL + "/slow/\($0)" }), cache: LinkCache(), now: Date())
        #expect(second.stats.maxInFlight == 1)
    }

    @Test("Requests to one host reach the server spaced by the minimum interval")
    func interval() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        var options = CheckFixtures.fastOptions()
        options.minimumInterval = .milliseconds(150)
        options.perHostConcurrency = 1
        // /ok answers at once: without the interval, the requests would follow within milliseconds.
        let links = CheckFixtures.links((0..<5).map { server.baseURL + "/ok?n=\($0)" })
        _ = await ExternalLinkChecker(options: options).check(links, cache: LinkCache(), now: Date())
        let arrivals = server.stats.times.values.flatMap { $0 }.sorted()
        try #require(arrivals.count == 5)
        // The server sees arrivals, which a busy machine delays by varying amounts, so only the
        // span is asserted here, leniently; HostGateTests checks the starts exactly.
        #expect(arrivals[0].duration(to: arrivals[4]) >= .milliseconds(300))
    }

    @Test("A second run is answered by the cache; failures are re-checked only after their shorter age")
    func cache() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let links = CheckFixtures.links([server.baseURL + "/ok", server.baseURL + "/missing"])
        let checker = ExternalLinkChecker(options: CheckFixtures.fastOptions())
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let first = await checker.check(links, cache: LinkCache(), now: start)
        #expect(server.stats.total == 2)
        #expect(first.statistics.fetched == 2)

        // Through the file, as the CLI does.
        let folder = try CheckFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".briefpress/linkcheck.json")
        try first.cache.save(to: file)
        let loaded = LinkCache.load(from: file)
        #expect(loaded == first.cache)

        let second = await checker.check(links, cache: loaded, now: start.addingTimeInterval(3_600))
        #expect(server.stats.total == 2)
        #expect(second.statistics.fromCache == 2)
        #expect(second.statistics.fetched == 0)
        #expect(second.diagnostics.map(\.id) == first.diagnostics.map(\.id))
        #expect(second.diagnostics.map(\.id) == ["link.external-broken"])

        // After two days the failure is asked again, the success (7 days) is not.
        let third = await checker.check(links, cache: second.cache, now: start.addingTimeInterval(2 * 86_400))
        #expect(third.statistics.fetched == 1)
        #expect(server.count("/missing") == 2)
        #expect(server.count("/ok") == 1)
    }

    @Test("DOI links are asked through the handle API, never the publisher's page")
    func doi() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        var options = CheckFixtures.fastOptions()
        options.doiResolver = URL(string: server.baseURL)
        let links = CheckFixtures.links(["https://doi.org/10.1234/exists", "http://dx.doi.org/10.1234/MISSING"])
        let result = await ExternalLinkChecker(options: options).check(links, cache: LinkCache(), now: Date())
        #expect(result.outcomes[.doi("10.1234/exists")] == .ok(status: 200))
        #expect(result.outcomes[.doi("10.1234/missing")] == .doiNotFound)
        #expect(result.diagnostics.map(\.id) == ["link.doi-not-found"])
        #expect(result.diagnostics.first?.location?.line == 11)
        #expect(server.stats.methods.sorted() == ["GET /api/handles/10.1234/exists", "GET /api/handles/10.1234/missing"])
    }

    @Test("Excluded links are not requested")
    func exclusions() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let links = CheckFixtures.links([server.baseURL + "/missing", server.baseURL + "/gone"])
        let checker = ExternalLinkChecker(options: CheckFixtures.fastOptions(),
                                          exclusions: [.init(pattern: "/missing$")])
        let result = await checker.check(links, cache: LinkCache(), now: Date())
        #expect(server.count("/missing") == 0)
        #expect(result.statistics.excluded == 1)
        #expect(result.diagnostics.map(\.id) == ["link.external-broken"])
    }
}
