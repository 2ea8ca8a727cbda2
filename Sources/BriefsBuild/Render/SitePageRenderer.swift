import BriefsCore
import BriefsMarkdown
import Foundation

/// Renders the pages that are not briefs (home, 404) and copies the theme's assets.
struct SitePageRenderer: Sendable {
    var site: SiteConfig
    var theme: Theme

    /// One brief's entry on the home page; made when the brief renders, so a rebuild that
    /// reuses the brief reuses its entry too.
    func summary(of brief: Brief, summary: String?, seriesHeadings: Bool) -> BriefSummaryView {
        let strings = theme.strings(for: site.language)
        let language = TypographyLanguage(bcp47: brief.language.value)
        let series = brief.series ?? site.title
        let entry = BriefSummaryView(
            url: "briefs/\(brief.slug)/",
            title: Typography.apply(brief.title.value, language: language),
            subtitle: brief.subtitle.map { Typography.apply($0, language: language) },
            authors: brief.authors.map(\.name).joined(separator: ", "),
            date: DateView(iso: brief.date.value.description,
                           display: theme.strings(for: brief.language.value).display(brief.date.value, language: brief.language.value)),
            summary: summary.map { Self.excerpt($0) },
            lang: brief.language.value == site.language ? nil : brief.language.value,
            seriesLine: brief.number.map { "\(series) \(strings["number"]) \($0.value)" } ?? brief.series,
            isDraft: brief.isDraft, headingLevel: seriesHeadings ? 3 : 2, draftLabel: strings["draft"])
        return entry.with(html: theme.renderUTF8(entry, template: "home-entry").trimmingLineBreaks())
    }

    /// Whether the home page groups briefs under series headings: only when there is more than one.
    static func seriesHeadings(_ briefs: [BriefFacts], site: SiteConfig) -> Bool {
        Set(briefs.map { $0.series ?? site.title }).count > 1
    }

    /// The home page: `entries` (each brief's, made when it rendered) in feed order, grouped by series.
    func home(_ entries: [(facts: BriefFacts, entry: BriefSummaryView)]) -> OutputFile {
        let strings = theme.strings(for: site.language)
        var series: [String] = []
        var briefsBySeries: [String: [BriefSummaryView]] = [:]
        for (facts, entry) in entries {
            let name = facts.series ?? site.title
            if briefsBySeries[name] == nil { series.append(name) }
            briefsBySeries[name, default: []].append(entry)
        }
        let groups = series.map { SeriesGroupView(series: $0, briefs: briefsBySeries[$0] ?? []) }
        let page = PageView(
            lang: site.language, title: site.title, description: "", canonicalURL: site.baseURL, root: "",
            siteTitle: site.title, homeURL: "./", stylesheetURL: "assets/style.css", isDraft: false,
            t: strings.values, headHTML: [], alternates: BriefRenderer.feedLinks(site: site, strings: strings))
        let view = HomePageView(page: page, groups: groups, showSeriesHeadings: groups.count > 1)
        // Room for the entries' HTML with a little markup around each, and 4 KB for the page.
        let capacity = entries.reduce(4096) { $0 + $1.entry.html.count + 16 }
        return OutputFile(path: "index.html", content: .bytes(theme.renderUTF8(view, template: "home", capacity: capacity)))
    }

    /// The start of a summary, cut at a word so the list stays scannable.
    static func excerpt(_ text: String, limit: Int = 280) -> String {
        let simple = simpleCut(text, limit: limit)
        // Walks `limit` characters at most: counting the whole text first cost twice that.
        guard let limitIndex = simple ?? text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              limitIndex != text.endIndex else { return text }
        let cut = text[..<limitIndex]
        // Where every scalar of the cut is a character of its own, the last space is found on bytes.
        let space = simple != nil ? cut.utf8.lastIndex(of: UInt8(ascii: " ")) : cut.lastIndex(of: " ")
        return cut[..<(space ?? cut.endIndex)].trimmingPunctuationAndSpaces() + " …"
    }

    /// Where the first `limit` characters of `text` end (its end when it has no more), when each
    /// of them, and the one after them, is a single scalar that is a character of its own
    /// whatever stands around it (`isAlone`): the text is then cut by counting scalars instead of
    /// asking the grapheme rules at every step, which was most of a summary's cost. `nil`:
    /// another scalar came first (the caller then counts characters).
    static func simpleCut(_ text: String, limit: Int) -> String.Index? {
        // On the UTF-8 bytes: stepping through `unicodeScalars` cost fifty instructions a scalar.
        var contiguous = text
        let cut = contiguous.withUTF8 { bytes -> Int? in
            /// The length of the scalar at `offset` when it is a character of its own.
            func aloneLength(at offset: Int) -> Int? {
                let lead = bytes[offset]
                if lead < 0x80 { return lead == 0x0D ? nil : 1 }
                // Two bytes up to 0xCB: U+0080 to U+02FF.
                if lead < 0xCC { return 2 }
                // Three bytes from 0xE2: U+2000 to U+2FFF, punctuation and currency among them.
                guard lead == 0xE2, offset + 2 < bytes.count else { return nil }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
                return isAlone(value) ? 3 : nil
            }
            var offset = 0
            for _ in 0..<limit {
                guard offset < bytes.count else { return bytes.count }
                guard let length = aloneLength(at: offset) else { return nil }
                offset += length
            }
            // The next character must start here: its first scalar must not join the last one.
            guard offset == bytes.count || aloneLength(at: offset) != nil else { return nil }
            return offset
        }
        return cut.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// Whether a scalar is a character of its own next to any other (Unicode's grapheme break
    /// property is Other or Control, and it is not a carriage return, which joins a line feed):
    /// Latin, Greek and Cyrillic letters below U+0300 (combining marks start there), and the
    /// general punctuation and currency signs typography puts into German text („“ – … €),
    /// except the two joiners U+200C and U+200D.
    @inline(__always)
    static func isAlone(_ value: UInt32) -> Bool {
        if value < 0x300 { return value != 0x0D }
        return (0x2000...0x206F).contains(value) && value != 0x200C && value != 0x200D || (0x20A0...0x20C0).contains(value)
    }

    /// The 404 page is served at any missing address, so its links are absolute paths.
    func notFound() -> OutputFile {
        let strings = theme.strings(for: site.language)
        let rootPath = URL(string: site.baseURL)?.path ?? "/"
        let root = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        let page = PageView(
            lang: site.language, title: strings["notFoundTitle"] + " – " + site.title, description: "",
            canonicalURL: "", root: root, siteTitle: site.title, homeURL: root,
            stylesheetURL: root + "assets/style.css", isDraft: false, t: strings.values, headHTML: [],
            alternates: BriefRenderer.feedLinks(site: site, strings: strings))
        return OutputFile(path: "404.html", content: .bytes(theme.renderUTF8(NotFoundPageView(page: page), template: "404")))
    }

    func assets() -> [OutputFile] {
        theme.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, content: .copy($0.value)) }
    }
}
