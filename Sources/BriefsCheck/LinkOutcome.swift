/// The verdict on one target, as checked over the network or remembered in the cache.
public enum LinkOutcome: Sendable, Codable, Equatable {
    case ok(status: Int)
    /// Works, but only after permanent redirects: `to` is the address to link to instead.
    case permanentRedirect(to: String, status: Int)
    /// `finalURL` is set when redirects led to the broken page.
    case broken(status: Int, finalURL: String?)
    /// 429 or 503 after every retry.
    case unavailable(status: Int, attempts: Int)
    case timeout(seconds: Double)
    case unreachable(reason: String)
    case tooManyRedirects(limit: Int)
    case redirectLoop(repeated: String)
    case fragmentMissing(fragment: String)
    case doiNotFound

    /// Whether the link works for readers; decides how long the cache trusts the verdict.
    public var isSuccess: Bool {
        switch self {
        case .ok, .permanentRedirect: true
        default: false
        }
    }
}
