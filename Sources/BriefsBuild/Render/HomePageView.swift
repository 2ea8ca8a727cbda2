/// The home page: every published brief, grouped by series, newest first.
struct HomePageView: TemplateObject {
    static let keys = ["page", "groups", "showSeriesHeadings"]
    var page: PageView
    var groups: [SeriesGroupView]
    /// A heading per series only helps when there is more than one series.
    var showSeriesHeadings: Bool

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "page": .object(page)
        case "groups": groups.isEmpty ? .absent : .objects(groups)
        case "showSeriesHeadings": .bool(showSeriesHeadings)
        default: nil
        }
    }
}

struct SeriesGroupView: TemplateObject {
    static let keys = ["series", "briefs"]
    var series: String
    var briefs: [BriefSummaryView]

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "series": .text(series)
        case "briefs": .objects(briefs)
        default: nil
        }
    }
}

struct BriefSummaryView: TemplateObject {
    static let keys = ["url", "title", "subtitle", "authors", "date", "summary", "lang", "seriesLine", "isDraft",
                       "headingLevel", "draftLabel", "html"]
    var url: String
    var title: String
    var subtitle: String?
    var authors: String
    var date: DateView
    var summary: String?
    /// Set when the brief's language differs from the home page's.
    var lang: String?
    var seriesLine: String?
    var isDraft: Bool
    /// 3 under series headings, 2 when the home page has none.
    var headingLevel = 2
    var draftLabel = ""
    /// This entry rendered with `home-entry.mustache`, when the brief rendered (so a rebuild
    /// that reuses the brief reuses its entry instead of rendering a thousand entries again).
    var html = ""

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
struct NotFoundPageView: TemplateObject {
    static let keys = ["page"]
    var page: PageView

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
