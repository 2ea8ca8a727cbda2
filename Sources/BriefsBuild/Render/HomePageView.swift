import Mustache

/// The home page: every published brief, grouped by series, newest first.
struct HomePageView: MustacheParent, Sendable {
    static let keys = ["page", "groups", "showSeriesHeadings"]
    var page: PageView
    var groups: [SeriesGroupView]
    /// A heading per series only helps when there is more than one series.
    var showSeriesHeadings: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "page": Absent.wrap(page)
        case "groups": Absent.wrap(groups.isEmpty ? nil : groups)
        case "showSeriesHeadings": Absent.wrap(showSeriesHeadings)
        default: nil
        }
    }
}

struct SeriesGroupView: MustacheParent, Sendable {
    static let keys = ["series", "briefs"]
    var series: String
    var briefs: [BriefSummaryView]

    func child(named name: String) -> Any? {
        switch name {
        case "series": Absent.wrap(series)
        case "briefs": Absent.wrap(briefs)
        default: nil
        }
    }
}

struct BriefSummaryView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "headingLevel": Absent.wrap(headingLevel)
        case "draftLabel": Absent.wrap(draftLabel)
        case "html": Absent.wrap(html)
        case "url": Absent.wrap(url)
        case "title": Absent.wrap(title)
        case "subtitle": Absent.wrap(subtitle)
        case "authors": Absent.wrap(authors)
        case "date": Absent.wrap(date)
        case "summary": Absent.wrap(summary)
        case "lang": Absent.wrap(lang)
        case "seriesLine": Absent.wrap(seriesLine)
        case "isDraft": Absent.wrap(isDraft)
        default: nil
        }
    }
}

/// The 404 page needs only the layout.
struct NotFoundPageView: MustacheParent, Sendable {
    static let keys = ["page"]
    var page: PageView

    func child(named name: String) -> Any? { name == "page" ? page : nil }
}

/// Every name a template may use, for the theme lint.
enum ViewModelKeys {
    static let all: Set<String> = Set(
        PageView.keys + AlternateLink.keys + BriefPageView.keys + AuthorView.keys + AffiliationView.keys
            + DateView.keys + SectionView.keys + QuoteView.keys + ImprintView.keys + TranslationView.keys
            + ImageView.keys + HomePageView.keys + SeriesGroupView.keys + BriefSummaryView.keys
            + NotFoundPageView.keys + CiteView.keys + DownloadView.keys + PrintInfo.keys)
}
