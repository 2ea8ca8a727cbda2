import BriefsCore

/// What a feed needs of one brief: its citation record and its full text as HTML whose links
/// work outside the site (feed readers and Rogue Scholar have no base URL).
struct FeedEntry: Sendable {
    var record: CitationRecord
    var contentHTML: String
    var summary: String?
    /// This entry as Atom `<entry>` and as a JSON Feed item, made once when the brief renders.
    var atomXML = ""
    var jsonItem = ""
    var sitemapXML = ""

    init(record: CitationRecord, contentHTML: String, summary: String?) {
        self.record = record
        self.contentHTML = contentHTML
        self.summary = summary
        atomXML = SiteFeeds.atomEntry(self)
        jsonItem = SiteFeeds.jsonItem(self)
        sitemapXML = SiteFeeds.sitemapEntry(self)
    }

    /// The last change, for `updated` / `date_modified` (Rogue Scholar fetches by it).
    var modified: BriefDate { record.updated ?? record.date }
}

/// Rewrites relative `href` and `src` values in rendered HTML to absolute URLs.
enum AbsoluteLinks {
    static func rewrite(_ html: String, base: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 256)
        var rest = html[...]
        let attributes = [" href=\"", " src=\""]
        while true {
            let next = attributes.compactMap { rest.range(of: $0) }.min { $0.lowerBound < $1.lowerBound }
            guard let start = next else { break }
            result += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result += absolute(String(rest[..<end]), base: base)
            rest = rest[end...]
        }
        result += rest
        return result
    }

    static func absolute(_ value: String, base: String) -> String {
        if value.contains("://") || value.hasPrefix("mailto:") || value.hasPrefix("tel:") || value.hasPrefix("//") { return value }
        if value.hasPrefix("#") { return base + value }
        // `..` segments are resolved textually: page URLs always end in `/`.
        var baseParts = base.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        var path = value
        if path.hasPrefix("/") {
            guard baseParts.count >= 3 else { return value }
            return baseParts.prefix(3).joined(separator: "/") + path
        }
        while path.hasPrefix("../") || path.hasPrefix("./") {
            if path.hasPrefix("./") { path.removeFirst(2); continue }
            path.removeFirst(3)
            if baseParts.count > 3 { baseParts.removeLast() }
        }
        return baseParts.joined(separator: "/") + "/" + path
    }
}
