import BriefsCore
import Foundation

/// Atom and JSON Feed 1.1 with every published brief in full text, newest first, plus the
/// sitemap and robots.txt. Rogue Scholar reads one feed document, so there is no paging.
///
/// Each brief's entries are made while it renders (in parallel, and kept by the build cache);
/// the feeds are written around them in pieces (`FeedWriter`), never assembled in memory.
struct SiteFeeds: Sendable {
    var site: SiteConfig
    /// The newest change of any entry: a fixed value, so unchanged content gives an unchanged feed.
    var updated: BriefDate?

    // MARK: - Atom

    /// Everything before the first `<entry>`.
    func atomHead() -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="\(x(site.language))">
              <id>\(x(site.baseURL))</id>
              <title>\(x(site.title))</title>
              <link rel="self" type="application/atom+xml" href="\(x(site.baseURL))feed.xml"/>
              <link rel="alternate" type="text/html" href="\(x(site.baseURL))"/>
              <updated>\((updated ?? BriefDate(year: 2000)).rfc3339)</updated>
              <generator>briefpress</generator>

            """
        if let license = site.license.flatMap({ License.named($0.value) }) {
            xml += "  <rights>\(x(license.name)) (\(x(license.url)))</rights>\n"
        }
        return xml
    }

    static let atomTail = "</feed>\n"

    // MARK: - Slots

    /// Every entry fills a slot: its bytes, then spaces up to a multiple of 512 bytes with at
    /// least 64 to spare (before the final line break, if any). A change to a brief that keeps
    /// its entries within their slots (a corrected word, a longer title) leaves every later
    /// byte of both feeds where it was, so a rebuild writes the changed slot instead of the rest
    /// of the feed (at 1,000 briefs, 20 MB after a change to the newest). Whitespace between
    /// entries means nothing to Atom or JSON readers, and the slot depends on the entry alone:
    /// a fresh build pads exactly the same way.
    static let slotSize = 512
    static let slotSlack = 64

    static func padded(_ entry: consuming [UInt8]) -> [UInt8] {
        let count = entry.count
        let slot = (count + slotSlack + slotSize - 1) / slotSize * slotSize
        var bytes = entry
        let endsWithLineBreak = bytes.last == UInt8(ascii: "\n")
        if endsWithLineBreak { bytes.removeLast() }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: slot - count))
        if endsWithLineBreak { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// One `<entry>`; made while the brief renders (in parallel, and kept by the build cache).
    static func atomEntry(_ entry: FeedEntry) -> [UInt8] {
        let record = entry.record
        var xml = TextBuffer(capacity: entry.contentHTML.count + 2048)
        func element(_ open: StaticString, _ text: String, _ close: StaticString) {
            xml.append(open)
            xml.appendEscaped(text, xml: true)
            xml.append(close)
        }
        element("  <entry xml:lang=\"", record.language, "\">\n")
        element("    <id>", record.identifierURL, "</id>\n")
        element("    <title>", record.fullTitle, "</title>\n")
        element("    <link rel=\"alternate\" type=\"text/html\" href=\"", record.pageURL, "\"/>\n")
        if let pdf = record.pdfURL { element("    <link rel=\"enclosure\" type=\"application/pdf\" href=\"", pdf, "\"/>\n") }
        element("    <published>", record.date.rfc3339, "</published>\n")
        element("    <updated>", entry.modified.rfc3339, "</updated>\n")
        for author in record.authors {
            element("    <author>\n      <name>", author.name, "</name>\n")
            if let orcid = author.orcid { element("      <uri>", ORCID.url(orcid), "</uri>\n") }
            xml.append("    </author>\n")
        }
        for keyword in record.keywords { element("    <category term=\"", keyword, "\"/>\n") }
        if let license = record.license {
            element("    <link rel=\"license\" href=\"", license.url, "\"/>\n")
            element("    <rights>", license.name, " (")
            xml.appendEscaped(license.url, xml: true)
            xml.append(")</rights>\n")
        }
        if let summary = entry.summary { element("    <summary type=\"html\">", summary, "</summary>\n") }
        element("    <media:thumbnail url=\"", record.imageURL, "\"/>\n")
        xml.append("    <content type=\"html\">")
        entry.contentHTML.withUnsafeBufferPointer { xml.appendCDATA(utf8: $0) }
        xml.append("</content>\n")
        xml.append("  </entry>\n")
        return xml.bytes
    }

    // MARK: - JSON Feed 1.1

    /// The feed object up to the opening of its `items` array; the items follow, separated by
    /// `jsonSeparator`, then `jsonTail`.
    func jsonHead() -> String {
        let license = site.license.flatMap { License.named($0.value) }
        let head = JSON.object([
            "version": "https://jsonfeed.org/version/1.1",
            "title": .string(site.title),
            "home_page_url": .string(site.baseURL),
            "feed_url": .string(site.baseURL + "feed.json"),
            "language": .string(site.language),
            "_briefpress": license.map { .object(["license": .string($0.url)]) },
        ]).text()
        return String(head.dropLast()) + ",\"items\":["
    }

    static let jsonSeparator = ",\n"
    static let jsonTail = "]}\n"

    static func jsonItem(_ entry: FeedEntry) -> [UInt8] {
        jsonObject(entry).bytes()
    }

    private static func jsonObject(_ entry: FeedEntry) -> JSON {
        let record = entry.record
        let authors: [JSON] = record.authors.map { author in
            .object(["name": .string(author.name), "url": author.orcid.map { .string(ORCID.url($0)) }])
        }
        let extensionObject = JSON.object([
            "doi": record.doi.map(JSON.string),
            "license": record.license.map { .string($0.url) },
        ])
        // Keys in the order they are written (see `JSONWriter.sorted`).
        return .object([
            "_briefpress": record.doi == nil && record.license == nil ? nil : extensionObject,
            "attachments": record.pdfURL.map { .array([.object(["mime_type": "application/pdf", "url": .string($0)])]) },
            "authors": .array(authors),
            "content_html": .utf8(entry.contentHTML),
            "date_modified": .string(entry.modified.rfc3339),
            "date_published": .string(record.date.rfc3339),
            "id": .string(record.identifierURL),
            "image": .string(record.imageURL),
            "language": .string(record.language),
            "summary": entry.summary.map(JSON.string),
            "tags": record.keywords.isEmpty ? nil : JSON.strings(record.keywords),
            "title": .string(record.fullTitle),
            "url": .string(record.pageURL),
        ])
    }

    // MARK: - Sitemap and robots.txt

    /// The sitemap: the home page, then each brief's `<url>` lines in feed order.
    func sitemap(_ entries: [[UInt8]]) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        if let updated {
            xml += "  <url><loc>\(x(site.baseURL))</loc><lastmod>\(updated.fullISO)</lastmod></url>\n"
        } else {
            xml += "  <url><loc>\(x(site.baseURL))</loc></url>\n"
        }
        var bytes = Array(xml.utf8)
        bytes.reserveCapacity(bytes.count + entries.reduce(0) { $0 + $1.count } + 16)
        for entry in entries { bytes.append(contentsOf: entry) }
        bytes.append(contentsOf: "</urlset>\n".utf8)
        return bytes
    }

    /// A brief's `<url>` lines (page, and PDF when there is one), made when the brief renders.
    static func sitemapEntry(_ entry: FeedEntry) -> [UInt8] {
        let modified = entry.modified.fullISO
        var xml = "  <url><loc>\(x(entry.record.pageURL))</loc><lastmod>\(modified)</lastmod></url>\n"
        if let pdf = entry.record.pdfURL {
            xml += "  <url><loc>\(x(pdf))</loc><lastmod>\(modified)</lastmod></url>\n"
        }
        return Array(xml.utf8)
    }

    /// Nothing is blocked: Google Scholar must reach every page and PDF.
    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.baseURL)sitemap.xml\n"
    }

    /// XML text and attribute escaping: the HTML escaping, minus the control characters XML 1.0
    /// does not allow (a stray one would make the whole feed unreadable).
    private func x(_ text: String) -> String { Self.x(text) }

    private static func x(_ text: String) -> String {
        // Fast path: almost no text has control characters.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return HTML.escape(text)
        }
        let allowed = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
        return HTML.escape(allowed)
    }
}
