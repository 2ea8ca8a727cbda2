// The only file that sees SwiftNIO and AsyncHTTPClient; `internal` keeps their names out of
// BriefsCheck's interface (no public type stores a NIO or AHC type).
internal import AsyncHTTPClient
import Foundation
internal import NIOCore
internal import NIOHTTP1

/// The HTTP half of the external check: asks one target's server, politely, whether it exists.
///
/// HEAD first (no body), GET when a server refuses HEAD or a `#fragment` must be found in the
/// page; redirects followed by hand so permanent ones can be reported and loops caught; 429 and
/// 503 retried after `Retry-After` or an exponential backoff. Every request, each redirect hop
/// and retry included, waits for its host's slot in the shared `HostGate`.
struct LinkFetcher: Sendable {
    let client: HTTPClient
    let gate: HostGate
    let options: LinkCheckOptions

    /// What a single exchange (after HEAD→GET fallback and retries) produced.
    enum Exchange: Sendable {
        case response(status: Int, location: String?, fragmentFound: Bool?, body: [UInt8])
        case failure(LinkOutcome)
    }

    /// What of the body is needed: nothing, whether a fragment is in it, or its first bytes.
    enum BodyNeed: Sendable {
        case none
        case fragment(String)
        case bytes(limit: Int)
    }

    func check(_ target: LinkTarget) async -> LinkOutcome {
        switch target {
        case .web(let url, _, let fragment): await checkWeb(url, fragment: fragment)
        case .doi(let doi): await checkDOI(doi)
        }
    }

    /// Fetches every target with one client and one gate. All tasks are started at once and wait
    /// in the `HostGate`, not in a fixed-width group: a fixed width would let one host's queued
    /// links block the free slots of the others. The gate bounds what is really in flight.
    static func fetchAll(_ targets: [LinkTarget], options: LinkCheckOptions) async -> [LinkTarget: LinkOutcome] {
        guard !targets.isEmpty else { return [:] }
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: timeAmount(options.connectTimeout), read: timeAmount(options.requestTimeout)),
            decompression: .enabled(limit: .ratio(50)))
        configuration.connectionPool = .init(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, options.perHostConcurrency))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let fetcher = LinkFetcher(
            client: client,
            gate: HostGate(total: options.totalConcurrency, perHost: options.perHostConcurrency, interval: options.minimumInterval),
            options: options)
        let results = await withTaskGroup(of: (LinkTarget, LinkOutcome).self) { group in
            for target in targets {
                group.addTask { (target, await fetcher.check(target)) }
            }
            var results: [LinkTarget: LinkOutcome] = [:]
            for await (target, outcome) in group { results[target] = outcome }
            return results
        }
        // A failed shutdown leaks only idle connections of a process that is about to end.
        try? await client.shutdown()
        return results
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(Int64(duration.seconds * 1e9))
    }

    // MARK: - Web pages and redirects

    func checkWeb(_ url: String, fragment: String?) async -> LinkOutcome {
        var current = url
        var seen: Set<String> = [url]
        // The address at the end of the leading permanent redirects: what the editor should link to.
        var permanentTarget: String?
        var onlyPermanentSoFar = true
        for _ in 0...options.maxRedirects {
            let need: BodyNeed = fragment.map { .fragment($0) } ?? .none
            switch await exchange(current, need: need) {
            case .failure(let outcome):
                return outcome
            case .response(let status, let location, let fragmentFound, _):
                if [301, 302, 303, 307, 308].contains(status), let location {
                    guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteURL.absoluteString,
                          next.lowercased().hasPrefix("http")
                    else { return .unreachable(reason: "it redirects to '\(location)', which is not a web address") }
                    let nextWithoutFragment = next.split(separator: "#", maxSplits: 1).first.map(String.init) ?? next
                    if !seen.insert(nextWithoutFragment).inserted { return .redirectLoop(repeated: nextWithoutFragment) }
                    if onlyPermanentSoFar, status == 301 || status == 308 {
                        permanentTarget = nextWithoutFragment
                    } else {
                        onlyPermanentSoFar = false
                    }
                    current = nextWithoutFragment
                    continue
                }
                guard (200..<300).contains(status) else {
                    return .broken(status: status, finalURL: current == url ? nil : current)
                }
                if let fragment, fragmentFound == false { return .fragmentMissing(fragment: fragment) }
                if let permanentTarget {
                    return .permanentRedirect(to: permanentTarget + (fragment.map { "#" + $0 } ?? ""), status: status)
                }
                return .ok(status: status)
            }
        }
        return .tooManyRedirects(limit: options.maxRedirects)
    }

    // MARK: - DOIs

    /// Asks the handle API (`/api/handles/<doi>`): `responseCode` 1 means the DOI exists, 100
    /// that it does not. The publisher's page is never fetched: many answer bots with 403.
    func checkDOI(_ doi: String) async -> LinkOutcome {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        guard let base = options.doiResolver,
              let encoded = doi.addingPercentEncoding(withAllowedCharacters: allowed)
        else { return .unreachable(reason: "no DOI resolver is configured") }
        let root = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        let url = root + "/api/handles/" + encoded
        switch await exchange(url, need: .bytes(limit: 1 << 16)) {
        case .failure(let outcome):
            return outcome
        case .response(let status, _, _, let body):
            struct HandleAnswer: Decodable { var responseCode: Int }
            let code = try? JSONDecoder().decode(HandleAnswer.self, from: Data(body)).responseCode
            if status == 404 || code == 100 { return .doiNotFound }
            if (200..<300).contains(status), code == 1 { return .ok(status: status) }
            return .broken(status: status, finalURL: url)
        }
    }

    // MARK: - One exchange

    /// One request with HEAD→GET fallback and retries on 429/503, each attempt in a gate slot.
    func exchange(_ url: String, need: BodyNeed) async -> Exchange {
        guard let host = URLComponents(string: url)?.host?.lowercased() else {
            return .failure(.unreachable(reason: "'\(url)' has no host"))
        }
        var method: HTTPMethod = if case .none = need { .HEAD } else { .GET }
        var attempt = 0
        while true {
            let thisMethod = method
            let result = await gate.withSlot(for: host) { _ in await self.request(url, method: thisMethod, need: need) }
            guard case .response(let status, _, _, _) = result.exchange else { return result.exchange }
            // Some servers refuse HEAD (405, 501) or answer it wrongly (400, 403): ask again with GET.
            if method == .HEAD, [400, 403, 405, 501].contains(status) {
                method = .GET
                continue
            }
            guard status == 429 || status == 503 else { return result.exchange }
            guard attempt < options.retries else {
                return .failure(.unavailable(status: status, attempts: attempt + 1))
            }
            let backoff = options.backoff * (1 << min(attempt, 16))
            let wait = result.retryAfter ?? min(backoff, options.maxRetryWait)
            if wait > options.maxRetryWait { return .failure(.unavailable(status: status, attempts: attempt + 1)) }
            // The pause applies to the whole host, so the other links to it wait too.
            await gate.pause(host, for: wait)
            attempt += 1
        }
    }

    struct Attempt: Sendable {
        var exchange: Exchange
        var retryAfter: Duration?
    }

    func request(_ url: String, method: HTTPMethod, need: BodyNeed) async -> Attempt {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "User-Agent", value: options.userAgent)
        request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        request.headers.add(name: "Accept-Language", value: "de,en;q=0.8")
        let timeout = Self.timeAmount(options.requestTimeout)
        do {
            let response = try await client.execute(request, timeout: timeout)
            let status = Int(response.status.code)
            let location = response.headers.first(name: "location")
            let retryAfter = response.headers.first(name: "retry-after").flatMap(Self.parseRetryAfter)
            var fragmentFound: Bool?
            var body: [UInt8] = []
            if method == .GET, (200..<300).contains(status) {
                switch need {
                case .none: break
                case .fragment(let fragment):
                    let type = response.headers.first(name: "content-type")?.lowercased() ?? "text/html"
                    // Fragments of PDFs and other files (#page=3) cannot be checked: trust them.
                    fragmentFound = type.contains("html")
                        ? try await scan(response.body, for: fragment)
                        : true
                case .bytes(let limit):
                    for try await chunk in response.body {
                        body += chunk.readableBytesView
                        if body.count >= limit { break }
                    }
                }
            }
            // An unread body is dropped here, which ends the request: nothing more is downloaded.
            return Attempt(exchange: .response(status: status, location: location, fragmentFound: fragmentFound, body: body),
                           retryAfter: retryAfter)
        } catch {
            return Attempt(exchange: .failure(classify(error)), retryAfter: nil)
        }
    }

    /// Reads the body only until the fragment's anchor shows up (or the byte limit is reached).
    func scan(_ body: HTTPClientResponse.Body, for fragment: String) async throws -> Bool {
        var scanner = FragmentScanner(fragment: fragment, limit: options.fragmentByteLimit)
        for try await chunk in body {
            switch scanner.feed(chunk.readableBytesView) {
            case .found: return true
            case .gaveUp: return false
            case .notYet: continue
            }
        }
        return false
    }

    func classify(_ error: any Error) -> LinkOutcome {
        if let error = error as? HTTPClientError,
           [.deadlineExceeded, .readTimeout, .connectTimeout, .tlsHandshakeTimeout].contains(error) {
            return .timeout(seconds: error == .connectTimeout ? options.connectTimeout.seconds : options.requestTimeout.seconds)
        }
        let text = String(describing: error)
        if text.localizedCaseInsensitiveContains("refused") { return .unreachable(reason: "the connection was refused") }
        if text.localizedCaseInsensitiveContains("dns") || text.localizedCaseInsensitiveContains("resolve") {
            return .unreachable(reason: "the host name could not be resolved")
        }
        if text.localizedCaseInsensitiveContains("certificate") || text.localizedCaseInsensitiveContains("ssl") {
            return .unreachable(reason: "its TLS certificate was not accepted (\(text))")
        }
        return .unreachable(reason: text)
    }

    /// `Retry-After` as seconds (`120`) or an HTTP date.
    static func parseRetryAfter(_ value: String) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int64(trimmed), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSinceNow) * 1000))
    }
}
