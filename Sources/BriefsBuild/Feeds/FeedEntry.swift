import BriefsCore
import Glibc

/// What a feed needs of one brief: its citation record and its full text as HTML whose links
/// work outside the site (feed readers and Rogue Scholar have no base URL).
struct FeedEntry: Sendable {
    var record: CitationRecord
    /// UTF-8.
    var contentHTML: [UInt8]
    var summary: String?
    /// This entry as Atom `<entry>` and as a JSON Feed item, made once when the brief renders.
    var atomXML: [UInt8] = []
    var jsonItem: [UInt8] = []
    var sitemapXML: [UInt8] = []

    init(record: CitationRecord, contentHTML: [UInt8], summary: String?) {
        self.record = record
        self.contentHTML = contentHTML
        self.summary = summary
        atomXML = SiteFeeds.padded(SiteFeeds.atomEntry(self))
        jsonItem = SiteFeeds.padded(SiteFeeds.jsonItem(self))
        sitemapXML = SiteFeeds.sitemapEntry(self)
    }

    /// The last change, for `updated` / `date_modified` (Rogue Scholar fetches by it).
    var modified: BriefDate { record.updated ?? record.date }
}

/// Rewrites relative `href` and `src` values in rendered HTML to absolute URLs.
enum AbsoluteLinks {
    static func rewrite(_ html: ArraySlice<UInt8>, base: String) -> [UInt8] {
        // Scans the UTF-8 bytes for ` href="` and ` src="`: a full text is about 10 KB per brief,
        // and searching it with Foundation (or collection slices) was a tenth of a full build.
        // The result stays bytes: it only goes into the feeds, and making a `String` of it
        // checked all of its UTF-8 again.
        let rewritten: [UInt8]? = html.withUnsafeBufferPointer { bytes -> [UInt8]? in
            var result: [UInt8] = []
            var copied = 0
            var index = 0
            let count = bytes.count
            guard let start = bytes.baseAddress else { return nil }
            while index < count {
                // Both attributes are ` name="`: found from their `=`, which text seldom has
                // (`memchr` skips the rest), and checked around it.
                guard let found = memchr(start + index, 0x3D, count - index) else { break }
                let equals = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = equals + 1
                guard equals + 1 < count, bytes[equals + 1] == 0x22 else { continue }
                let valueStart = equals + 2
                if equals >= 5, bytes[equals - 5] == 0x20, bytes[equals - 4] == 0x68, bytes[equals - 3] == 0x72,
                   bytes[equals - 2] == 0x65, bytes[equals - 1] == 0x66 {
                    // ` href="`
                } else if equals >= 4, bytes[equals - 4] == 0x20, bytes[equals - 3] == 0x73, bytes[equals - 2] == 0x72,
                          bytes[equals - 1] == 0x63 {
                    // ` src="`
                } else {
                    continue
                }
                var valueEnd = valueStart
                while valueEnd < count, bytes[valueEnd] != 0x22 { valueEnd += 1 }
                guard valueEnd < count else { break }
                let valueBytes = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])
                if !isAbsolute(valueBytes) {
                    if result.isEmpty { result.reserveCapacity(count + 2048) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]))
                    var absoluteValue = absolute(String(decoding: valueBytes, as: UTF8.self), base: base)
                    absoluteValue.withUTF8 { result.append(contentsOf: $0) }
                    copied = valueEnd
                }
                index = valueEnd
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
            return result
        }
        return rewritten ?? Array(html)
    }

    /// Values `absolute(_:base:)` returns unchanged: `http(s)://`, `//host`, `mailto:`, `tel:`
    /// and anything else with `://`. Checked on the bytes, before a `String` is made.
    private static func isAbsolute(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        func starts(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard value.count >= length else { return false }
            return memcmp(value.baseAddress!, prefix.utf8Start, length) == 0
        }
        if starts("https://") || starts("http://") || starts("//") || starts("mailto:") || starts("tel:") { return true }
        guard value.count >= 3 else { return false }
        for index in 0...(value.count - 3) where value[index] == 0x3A && value[index + 1] == 0x2F && value[index + 2] == 0x2F {
            return true
        }
        return false
    }

    static func absolute(_ value: String, base: String) -> String {
        var bytes = value
        if bytes.withUTF8({ isAbsolute($0) }) { return value }
        if value.utf8.first == UInt8(ascii: "#") { return base + value }
        // `..` segments are resolved textually: page URLs always end in `/`. On the base's
        // bytes, by its slashes: splitting it into parts and joining them again for every link
        // cost a thousand instructions a link.
        let baseBytes = Array(base.utf8)
        let slash = UInt8(ascii: "/")
        // The base's slashes: the text before the last one is kept, each `..` drops the part
        // after the one before it, never the scheme and host (before the third).
        var slashes = baseBytes.indices.filter { baseBytes[$0] == slash }
        var path = Substring(value)
        if path.utf8.first == slash {
            guard slashes.count >= 3 else { return value }
            return String(decoding: baseBytes[..<slashes[2]], as: UTF8.self) + path
        }
        while path.utf8.starts(with: "../".utf8) || path.utf8.starts(with: "./".utf8) {
            if path.utf8.starts(with: "./".utf8) {
                path = path.dropFirst(2)
                continue
            }
            path = path.dropFirst(3)
            if slashes.count > 3 { slashes.removeLast() }
        }
        return String(decoding: baseBytes[..<(slashes.last ?? 0)], as: UTF8.self) + "/" + path
    }
}
