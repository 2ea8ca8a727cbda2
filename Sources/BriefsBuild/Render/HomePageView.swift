/// The home page: every published brief, grouped by series, newest first.
final class HomePageView: TemplateObject {
    static let keys = ["page", "groups", "showSeriesHeadings"]
    let page: PageView
    let groups: [SeriesGroupView]
    /// A heading per series only helps when there is more than one series.
    let showSeriesHeadings: Bool

    init(page: PageView, groups: [SeriesGroupView], showSeriesHeadings: Bool) {
        self.page = page
        self.groups = groups
        self.showSeriesHeadings = showSeriesHeadings
    }

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "page": .object(page)
        case "groups": groups.isEmpty ? .absent : .objects(groups)
        case "showSeriesHeadings": .bool(showSeriesHeadings)
        default: nil
        }
    }
}

final class SeriesGroupView: TemplateObject {
    static let keys = ["series", "briefs"]
    let series: String
    let briefs: [BriefSummaryView]

    init(series: String, briefs: [BriefSummaryView]) {
        self.series = series
        self.briefs = briefs
    }

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "series": .text(series)
        case "briefs": .objects(briefs)
        default: nil
        }
    }
}

final class BriefSummaryView: TemplateObject {
    static let keys = ["url", "title", "subtitle", "authors", "date", "summary", "lang", "seriesLine", "isDraft",
                       "headingLevel", "draftLabel", "html"]
    let url: String
    let title: String
    let subtitle: String?
    let authors: String
    let date: DateView
    let summary: String?
    /// Set when the brief's language differs from the home page's.
    let lang: String?
    let seriesLine: String?
    let isDraft: Bool
    /// 3 under series headings, 2 when the home page has none.
    let headingLevel: Int
    let draftLabel: String
    /// This entry rendered with `home-entry.mustache`, when the brief rendered (so a rebuild
    /// that reuses the brief reuses its entry instead of rendering a thousand entries again).
    let html: String

    init(url: String, title: String, subtitle: String? = nil, authors: String, date: DateView, summary: String? = nil, lang: String? = nil, seriesLine: String? = nil, isDraft: Bool, headingLevel: Int = 2, draftLabel: String = "", html: String = "") {
        self.url = url
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.date = date
        self.summary = summary
        self.lang = lang
        self.seriesLine = seriesLine
        self.isDraft = isDraft
        self.headingLevel = headingLevel
        self.draftLabel = draftLabel
        self.html = html
    }

    /// The same entry with its rendered HTML.
    func with(html: String) -> BriefSummaryView {
        BriefSummaryView(url: url, title: title, subtitle: subtitle, authors: authors, date: date, summary: summary, lang: lang,
                         seriesLine: seriesLine, isDraft: isDraft, headingLevel: headingLevel, draftLabel: draftLabel, html: html)
    }

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "headingLevel": .number(headingLevel)
        case "draftLabel": .text(draftLabel)
        case "html": .text(html)
        case "url": .text(url)
        case "title": .text(title)
        case "subtitle": .optional(subtitle)
        case "authors": .text(authors)
        case "date": .object(date)
        case "summary": .optional(summary)
        case "lang": .optional(lang)
        case "seriesLine": .optional(seriesLine)
        case "isDraft": .bool(isDraft)
        default: nil
        }
    }
}

/// The 404 page needs only the layout.
final class NotFoundPageView: TemplateObject {
    static let keys = ["page"]
    let page: PageView

    init(page: PageView) {
        self.page = page
    }

    func value(forKey key: String) -> TemplateValue? { key == "page" ? .object(page) : nil }
}

/// Every name a template may use, for the theme lint.
enum ViewModelKeys {
    static let all: Set<String> = Set(
        PageView.keys + AlternateLink.keys + BriefPageView.keys + AuthorView.keys + AffiliationView.keys
            + DateView.keys + SectionView.keys + QuoteView.keys + ImprintView.keys + TranslationView.keys
            + ImageView.keys + HomePageView.keys + SeriesGroupView.keys + BriefSummaryView.keys
            + NotFoundPageView.keys + CiteView.keys + DownloadView.keys + PrintInfo.keys)
}
