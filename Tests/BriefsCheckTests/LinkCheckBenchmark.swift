@testable import BriefsCheck
import Foundation
import Testing

/// The benchmark of issue 7 (`make bench`, `Scripts/bench-links.sh`): 1000 unique links on one
/// host and 1000 over 20 hosts (127.0.0.1 … 127.0.0.20), each answer 50 ms late, compared with
/// the floor links × latency / allowed concurrency; then a second run answered from the cache.
/// Runs only when `BRIEFS_BENCH_LINKS=1`, as it takes about half a minute.
@Suite("Link check benchmark", .enabled(if: ProcessInfo.processInfo.environment["BRIEFS_BENCH_LINKS"] == "1"))
struct LinkCheckBenchmark {
    static let latency = Duration.milliseconds(50)
    static let links = 1000

    static func options() -> LinkCheckOptions {
        var options = LinkCheckOptions()
        options.totalConcurrency = 16
        options.perHostConcurrency = 2
        options.minimumInterval = .milliseconds(10)
        return options
    }

    struct Measurement {
        var name: String
        var seconds: Double
        var floor: Double
        var cachedSeconds: Double
        var line: String {
            String(format: "%@: %d links, wall %.2f s, floor %.2f s, ratio %.2fx; second run from cache %.3f s",
                   name, LinkCheckBenchmark.links, seconds, floor, seconds / floor, cachedSeconds)
        }
    }

    func measure(_ name: String, hosts: [TestHTTPServer]) async throws -> Measurement {
        let links = CheckFixtures.links((0..<Self.links).map { index in
            hosts[index % hosts.count].baseURL + "/slow/\(index)"
        })
        let options = Self.options()
        let checker = ExternalLinkChecker(options: options)
        let clock = ContinuousClock()
        var result: LinkCheckResult?
        let first = await clock.measure { result = await checker.check(links, cache: LinkCache(), now: Date()) }
        let checked = try #require(result)
        #expect(checked.diagnostics.isEmpty)
        #expect(checked.statistics.fetched == Self.links)

        let folder = try CheckFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("linkcheck.json")
        try checked.cache.save(to: file)
        var second: LinkCheckResult?
        let cached = try await clock.measure {
            let cache = LinkCache.load(from: file)
            second = await checker.check(links, cache: cache, now: Date())
            try second?.cache.save(to: file)
        }
        #expect(second?.statistics.fromCache == Self.links)

        let concurrency = min(options.totalConcurrency, hosts.count * options.perHostConcurrency)
        let floor = Double(Self.links) * Self.latency.seconds / Double(concurrency)
        return Measurement(name: name, seconds: first.seconds, floor: floor, cachedSeconds: cached.seconds)
    }

    @Test("1000 links on one host and over 20 hosts, within 1.3x of the floor; cached run under 0.5 s")
    func benchmark() async throws {
        let route: @Sendable (TestHTTPServer.Request) -> TestHTTPServer.Action = { _ in
            .reply(status: 200, delay: LinkCheckBenchmark.latency)
        }
        let single = try await TestHTTPServer.start(host: "127.0.0.1", route: route)
        var many: [TestHTTPServer] = []
        for index in 1...20 { many.append(try await TestHTTPServer.start(host: "127.0.0.\(index)", route: route)) }
        let one = try await measure("one host", hosts: [single])
        #expect(single.stats.maxInFlight <= 2)
        let twenty = try await measure("20 hosts", hosts: many)
        #expect(many.allSatisfy { $0.stats.maxInFlight <= 2 })
        let report = [one.line, twenty.line].joined(separator: "\n")
        print(report)
        if let path = ProcessInfo.processInfo.environment["BRIEFS_BENCH_OUT"] {
            try Data((report + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        for measurement in [one, twenty] {
            #expect(measurement.seconds <= measurement.floor * 1.3, "\(measurement.line)")
            #expect(measurement.cachedSeconds < 0.5, "\(measurement.line)")
        }
    }
}
