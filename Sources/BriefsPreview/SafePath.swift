import Foundation

/// Maps a request path to a file inside the preview folder, or to nothing. Refuses anything
/// that could leave the folder: `..` in any spelling (decoded first), absolute or backslash
/// paths, NUL bytes, and symbolic links whose target lies outside.
public enum SafePath {
    public static func resolve(_ requestPath: String, in root: URL) -> URL? {
        let withoutQuery = String(requestPath.prefix { $0 != "?" && $0 != "#" })
        guard let decoded = withoutQuery.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else {
            return nil
        }
        var components: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.hasPrefix(".") { return nil }  // no climbing, no hidden files
            components.append(String(part))
        }
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        var url = root.resolvingSymlinksInPath()
        for component in components { url.appendPathComponent(component) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            url.appendPathComponent("index.html")
        } else if decoded.hasSuffix("/") {
            return nil
        }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path.hasPrefix(rootPath + "/"), FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory),
              !isDirectory.boolValue else { return nil }
        return resolved
    }

    /// A folder request without the trailing slash (`/briefs/x`) is redirected, so relative
    /// links on the page resolve the way they will on the web server.
    public static func needsSlash(_ requestPath: String, in root: URL) -> Bool {
        guard !requestPath.hasSuffix("/"), let decoded = requestPath.removingPercentEncoding,
              !decoded.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return false }
        var isDirectory: ObjCBool = false
        let url = root.appendingPathComponent(decoded)
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            && url.resolvingSymlinksInPath().path.hasPrefix(root.resolvingSymlinksInPath().path + "/")
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "txt": "text/plain; charset=utf-8",
        "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "svg": "image/svg+xml", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "bib": "application/x-bibtex; charset=utf-8",
        "ris": "application/x-research-info-systems; charset=utf-8", "csv": "text/csv; charset=utf-8",
    ]

    public static func contentType(for url: URL) -> String {
        if url.lastPathComponent == "feed.json" { return "application/feed+json" }
        if url.lastPathComponent == "feed.xml" { return "application/atom+xml" }
        return contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
    }
}
