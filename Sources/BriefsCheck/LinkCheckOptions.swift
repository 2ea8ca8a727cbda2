import Foundation

/// How the external check behaves. The defaults are polite to other people's servers; tests and
/// the benchmark shrink the intervals and timeouts.
public struct LinkCheckOptions: Sendable {
    /// Requests in flight at once, over all hosts.
    public var totalConcurrency = 16
    /// Requests in flight at once to one host.
    public var perHostConcurrency = 2
    /// Minimum time between the starts of two requests to one host.
    public var minimumInterval: Duration = .milliseconds(100)
    /// Time to open a connection.
    public var connectTimeout: Duration = .seconds(10)
    /// The whole exchange, redirects excepted (each hop gets its own).
    public var requestTimeout: Duration = .seconds(20)
    /// Redirects followed before giving up with `link.external-too-many-redirects`.
    public var maxRedirects = 10
    /// Further attempts after a 429 or 503.
    public var retries = 3
    /// First backoff when the server gives no `Retry-After`; doubled on each attempt.
    public var backoff: Duration = .seconds(1)
    /// The longest wait honoured, whatever `Retry-After` says; longer waits count as unavailable.
    public var maxRetryWait: Duration = .seconds(60)
    /// How many body bytes are read at most to find a `#fragment`.
    public var fragmentByteLimit = 4 << 20
    /// The handle API's base (`https://doi.org`); tests point it at their local server.
    public var doiResolver = URL(string: "https://doi.org")
    /// How long a working link is trusted before it is checked again.
    public var successMaxAge: Duration = .seconds(7 * 86_400)
    /// How long a failure is remembered, so a dead link is not hammered on every run.
    public var failureMaxAge: Duration = .seconds(86_400)
    /// Sent with every request: browser-like, because some servers refuse unknown agents, and
    /// naming the tool so site owners can tell who is knocking.
    public var userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 briefpress/0.1 (link check; +https://github.com/briefpress/briefpress)"

    public init() {}

    /// Sets both ages from one `--max-age`: successes are trusted that long, failures at most a day
    /// (a fixed link should not wait a week to be seen as fixed).
    public mutating func setMaxAge(_ age: Duration) {
        successMaxAge = age
        failureMaxAge = min(age, .seconds(86_400))
    }

    /// Parses `7d`, `12h`, `30m`, `45s` or a plain number of seconds.
    public static func parseDuration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Int64] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        var number = Substring(trimmed)
        var factor: Int64 = 1
        if let last = trimmed.last, let unit = units[last] {
            number = trimmed.dropLast()
            factor = unit
        }
        guard let value = Int64(number), value >= 0 else { return nil }
        return .seconds(value * factor)
    }
}
