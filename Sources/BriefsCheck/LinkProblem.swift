import BriefsCore
import Foundation

/// Problems found by the external link check (`check --external`, `build --check-external`).
///
/// These ids live here, next to the checker, because BriefsCore's central catalogue does not know
/// about the network; `allIDs` lists them so a test can prove each one is triggered.
public enum LinkProblem: DiagnosticMessage {
    case broken(url: String, status: Int, finalURL: String?)
    case permanentRedirect(url: String, newURL: String)
    case timeout(url: String, seconds: Double)
    case unreachable(url: String, reason: String)
    case unavailable(url: String, status: Int, attempts: Int)
    case tooManyRedirects(url: String, limit: Int)
    case redirectLoop(url: String, repeated: String)
    case fragmentMissing(url: String, fragment: String)
    case doiNotFound(doi: String)
    case invalidURL(String, reason: String)
    case invalidMailto(String, reason: String)
    case invalidTel(String, reason: String)
    case invalidExclude(pattern: String, reason: String)

    /// Every id of this catalogue; `DiagnosticCatalog.externalLinkIDs` lists the same ids.
    public static let allIDs: [DiagnosticID] = [
        "link.external-broken", "link.external-redirect", "link.external-timeout", "link.external-unreachable",
        "link.external-unavailable", "link.external-too-many-redirects", "link.external-redirect-loop",
        "link.fragment-missing-external", "link.doi-not-found", "link.invalid-url", "link.invalid-mailto",
        "link.invalid-tel", "link.invalid-exclude",
    ]

    public var id: DiagnosticID {
        switch self {
        case .broken: "link.external-broken"
        case .permanentRedirect: "link.external-redirect"
        case .timeout: "link.external-timeout"
        case .unreachable: "link.external-unreachable"
        case .unavailable: "link.external-unavailable"
        case .tooManyRedirects: "link.external-too-many-redirects"
        case .redirectLoop: "link.external-redirect-loop"
        case .fragmentMissing: "link.fragment-missing-external"
        case .doiNotFound: "link.doi-not-found"
        case .invalidURL: "link.invalid-url"
        case .invalidMailto: "link.invalid-mailto"
        case .invalidTel: "link.invalid-tel"
        case .invalidExclude: "link.invalid-exclude"
        }
    }

    public var severity: Severity {
        switch self {
        // A moved page still works, and a server that asks us to come back later may be fine for
        // readers: neither should stop a release unless --strict asks for it.
        case .permanentRedirect, .unavailable: .warning
        default: .error
        }
    }

    public var message: String {
        switch self {
        case .broken(let url, let status, let finalURL):
            let via = finalURL.map { " (after redirects, at \($0))" } ?? ""
            return "the link \(url) is broken: the server answered \(status) \(Self.reason(status))\(via)"
        case .permanentRedirect(let url, let newURL):
            return "the link \(url) has moved permanently to \(newURL); link to the new address"
        case .timeout(let url, let seconds):
            return "the link \(url) did not answer within \(Self.format(seconds)) s"
        case .unreachable(let url, let reason):
            return "the link \(url) could not be reached: \(reason)"
        case .unavailable(let url, let status, let attempts):
            return "the link \(url) answered \(status) \(Self.reason(status)) \(attempts) times; the server may be busy or blocking link checkers"
        case .tooManyRedirects(let url, let limit):
            return "the link \(url) redirects more than \(limit) times"
        case .redirectLoop(let url, let repeated):
            return "the link \(url) redirects in a loop (back to \(repeated))"
        case .fragmentMissing(let url, let fragment):
            return "the page \(url) has no element with the id '\(fragment)'"
        case .doiNotFound(let doi):
            return "the DOI \(doi) is not registered (the DOI resolver does not know it)"
        case .invalidURL(let url, let reason):
            return "'\(url)' is not a valid web address: \(reason)"
        case .invalidMailto(let url, let reason):
            return "'\(url)' is not a valid e-mail link: \(reason)"
        case .invalidTel(let url, let reason):
            return "'\(url)' is not a valid telephone link: \(reason)"
        case .invalidExclude(let pattern, let reason):
            return "the link check exclusion '\(pattern)' is not a valid regular expression: \(reason)"
        }
    }

    public var notes: [String] {
        switch self {
        case .timeout, .unreachable, .unavailable:
            ["if the site is known to block checkers, add a pattern to linkcheck.exclude in content/site.yaml"]
        case .invalidTel:
            ["write the number in international form, e.g. tel:+49-30-1234567"]
        default: []
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
