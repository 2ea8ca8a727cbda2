import Foundation

/// What a link points at once normalised: the unit that is checked (and cached) once, however
/// many briefs link to it.
public enum LinkTarget: Hashable, Sendable, Comparable {
    /// A web page: `url` without its fragment, scheme and host lower-cased, default port dropped.
    case web(url: String, host: String, fragment: String?)
    /// A DOI link (`https://doi.org/10.x/y`), checked through the resolver's handle API because
    /// publishers' pages often block checkers and would give false alarms.
    case doi(String)

    /// The cache key: the normalised URL with its fragment (the fragment changes the verdict), or
    /// `doi:<doi>`.
    public var key: String {
        switch self {
        case .web(let url, _, let fragment): fragment.map { url + "#" + $0 } ?? url
        case .doi(let doi): "doi:" + doi
        }
    }

    /// The host whose politeness limits apply (`nil` for DOIs, which go to the resolver).
    public var host: String? {
        if case .web(_, let host, _) = self { return host }
        return nil
    }

    public static func < (lhs: LinkTarget, rhs: LinkTarget) -> Bool { lhs.key < rhs.key }
}
