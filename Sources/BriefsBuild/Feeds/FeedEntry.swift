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
        // Scans UTF-8 bytes for ` href="` and ` src="`: a full text is about 10 KB per brief,
        // and Foundation's `range(of:)` on it was a tenth of a full build.
        let href = Array(" href=\"".utf8), src = Array(" src=\"".utf8)
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 1024)
        var copied = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " ") else {
                index += 1
                continue
            }
            let attribute = bytes[index...].starts(with: href) ? href : bytes[index...].starts(with: src) ? src : nil
            guard let attribute else {
                index += 1
                continue
            }
            let valueStart = index + attribute.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            result.append(contentsOf: bytes[copied..<valueStart])
            result.append(contentsOf: absolute(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self), base: base).utf8)
            copied = valueEnd
            index = valueEnd
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }

    static func absolute(_ value: String, base: String) -> String {
        if value.hasPrefix("https://") || value.hasPrefix("http://") { return value }
        if value.utf8.starts(with: "//".utf8) || value.hasPrefix("mailto:") || value.hasPrefix("tel:") { return value }
        if value.utf8.firstRange(of: "://".utf8) != nil { return value }
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
