import Foundation

/// How a written destination is to be checked.
public enum ParsedLink: Sendable, Equatable {
    case target(LinkTarget)
    case mailto(String)
    case tel(String)
    /// A scheme the checker does not know how to verify (`ftp:`, `urn:`): left alone.
    case unsupported(scheme: String)
    case invalid(reason: String)

    /// Hosts whose `/10.x/…` paths are DOIs.
    static let doiHosts: Set<String> = ["doi.org", "dx.doi.org", "www.doi.org"]

    /// Parses and normalises a destination as written in Markdown.
    public static func parse(_ written: String) -> ParsedLink {
        var text = written.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("//") { text = "https:" + text }
        guard let colon = text.firstIndex(of: ":") else { return .invalid(reason: "it has no scheme such as https:") }
        let scheme = text[..<colon].lowercased()
        switch scheme {
        case "mailto": return .mailto(text)
        case "tel": return .tel(text)
        case "http", "https": break
        default: return .unsupported(scheme: scheme)
        }
        // Editors write addresses as browsers show them (`/wiki/Müll`); the wire form is percent-encoded.
        if !text.unicodeScalars.allSatisfy(\.isASCII) {
            text = String(text.unicodeScalars.map { $0.isASCII ? String($0) : String($0).addingPercentEncoding(withAllowedCharacters: []) ?? "" }.joined())
        }
        guard let components = URLComponents(string: text) else {
            return .invalid(reason: "it contains characters that must be percent-encoded (such as spaces)")
        }
        guard let rawHost = components.host, !rawHost.isEmpty else { return .invalid(reason: "it has no host name") }
        let host = rawHost.lowercased()
        if doiHosts.contains(host) {
            let path = components.percentEncodedPath.dropFirst()
            let doi = (path.removingPercentEncoding ?? String(path)).lowercased()
            if doi.hasPrefix("10."), doi.contains("/") { return .target(.doi(doi)) }
        }
        var normal = URLComponents()
        normal.scheme = scheme
        normal.host = host
        if let port = components.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            normal.port = port
        }
        normal.percentEncodedPath = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        normal.percentEncodedQuery = components.percentEncodedQuery
        guard let url = normal.string else { return .invalid(reason: "it cannot be read as a URL") }
        let fragment = components.fragment.flatMap { $0.isEmpty ? nil : $0 }
        return .target(.web(url: url, host: host, fragment: fragment))
    }
}
