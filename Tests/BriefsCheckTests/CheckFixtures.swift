import BriefsCheck
import BriefsCore
import Foundation

/// Shared helpers: links at fake positions, fast options, and the scripted routes most tests use.
enum CheckFixtures {
    /// Options small enough for tests: short intervals, timeouts and backoff.
    static func fastOptions() -> LinkCheckOptions {
        var options = LinkCheckOptions()
        options.minimumInterval = .milliseconds(5)
        options.requestTimeout = .milliseconds(1500)
        options.connectTimeout = .milliseconds(1500)
        options.backoff = .milliseconds(50)
        options.maxRetryWait = .seconds(3)
        options.doiResolver = nil
        return options
    }

    /// One link per destination, on successive lines of one brief.
    static func links(_ destinations: [String], file: String = "content/briefs/a.md") -> [LinkOccurrence] {
        destinations.enumerated().map { index, destination in
            LinkOccurrence(destination: destination, location: SourceLocation(path: file, line: index + 10, column: 5))
        }
    }

    static let page = """
        <!doctype html><html><body><h2 id="present">Present</h2><p>text</p></body></html>
        """

    /// The scenario routes of the issue, by path.
    static func route(_ request: TestHTTPServer.Request) -> TestHTTPServer.Action {
        switch request.path {
        case "/ok", "/page": return .reply(status: 200, body: page)
        case "/missing": return .reply(status: 404)
        case "/gone": return .reply(status: 410)
        case "/moved": return .reply(status: 301, headers: ["Location": "/moved-again"])
        case "/moved-again": return .reply(status: 308, headers: ["Location": "/ok"])
        case "/temporary": return .reply(status: 302, headers: ["Location": "/ok"])
        case "/loop-a": return .reply(status: 301, headers: ["Location": "/loop-b"])
        case "/loop-b": return .reply(status: 301, headers: ["Location": "/loop-a"])
        case "/busy":
            return request.previousCount == 0 ? .reply(status: 429, headers: ["Retry-After": "1"]) : .reply(status: 200)
        case "/flaky": return request.previousCount == 0 ? .reply(status: 503) : .reply(status: 200)
        case "/always-busy": return .reply(status: 503)
        case "/hang": return .neverAnswer
        case "/no-head": return request.method == "HEAD" ? .reply(status: 405) : .reply(status: 200, body: page)
        case "/moved-to-missing": return .reply(status: 301, headers: ["Location": "/missing"])
        case "/api/handles/10.1234/exists": return .reply(status: 200, body: #"{"responseCode":1,"handle":"10.1234/exists"}"#)
        case "/api/handles/10.1234/missing": return .reply(status: 404, body: #"{"responseCode":100}"#)
        default:
            if request.path.hasPrefix("/far/"), let step = Int(request.path.dropFirst(5)) {
                return .reply(status: 302, headers: ["Location": "/far/\(step + 1)"])
            }
            if request.path.hasPrefix("/slow/") { return .reply(status: 200, delay: .milliseconds(60)) }
            return .reply(status: 404)
        }
    }

    /// A fresh folder under the system's temporary directory, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefpress-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
