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
        // Walks `limit` characters at most: counting the whole text first cost twice that.
        guard let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              limitIndex != text.endIndex else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimmingPunctuationAndSpaces() + " …"
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
