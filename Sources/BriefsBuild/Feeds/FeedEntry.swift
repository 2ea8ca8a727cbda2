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
        // Scans the UTF-8 bytes for ` href="` and ` src="`: a full text is about 10 KB per brief,
        // and searching it with Foundation (or collection slices) was a tenth of a full build.
        var html = html
        return html.withUTF8 { bytes -> String in
            var result = ""
            result.reserveCapacity(bytes.count + 1024)
            var copied = 0
            var index = 0
            let count = bytes.count
            while index < count {
                // Both attributes start with a space and end with `="`.
                guard bytes[index] == 0x20, index + 5 < count else {
                    index += 1
                    continue
                }
                let valueStart: Int
                if bytes[index + 1] == 0x68, index + 7 < count, bytes[index + 2] == 0x72, bytes[index + 3] == 0x65,
                   bytes[index + 4] == 0x66, bytes[index + 5] == 0x3D, bytes[index + 6] == 0x22 {
                    valueStart = index + 7  // ` href="`
                } else if bytes[index + 1] == 0x73, index + 6 < count, bytes[index + 2] == 0x72, bytes[index + 3] == 0x63,
                          bytes[index + 4] == 0x3D, bytes[index + 5] == 0x22 {
                    valueStart = index + 6  // ` src="`
                } else {
                    index += 1
                    continue
                }
                var valueEnd = valueStart
                while valueEnd < count, bytes[valueEnd] != 0x22 { valueEnd += 1 }
                guard valueEnd < count else { break }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                let rewritten = absolute(value, base: base)
                if rewritten != value {
                    result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]), as: UTF8.self)
                    result += rewritten
                    copied = valueEnd
                }
                index = valueEnd
            }
            if copied == 0 { return String(decoding: bytes, as: UTF8.self) }
            result += String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<count]), as: UTF8.self)
            return result
        }
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
