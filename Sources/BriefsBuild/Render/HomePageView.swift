import Foundation

/// The home page: every published brief, grouped by series, newest first.
final class HomePageView: FieldTemplateObject {
    let page: PageView
    let groups: [SeriesGroupView]
    /// A heading per series only helps when there is more than one series.
    let showSeriesHeadings: Bool

    init(page: PageView, groups: [SeriesGroupView], showSeriesHeadings: Bool) {
        self.page = page
        self.groups = groups
        self.showSeriesHeadings = showSeriesHeadings
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .page: .object(page)
        case .groups: groups.isEmpty ? .absent : .objects(groups)
        case .showSeriesHeadings: .bool(showSeriesHeadings)
        default: nil
        }
    }
}

final class SeriesGroupView: FieldTemplateObject {
    let series: String
    let briefs: [BriefSummaryView]

    init(series: String, briefs: [BriefSummaryView]) {
        self.series = series
        self.briefs = briefs
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .series: .text(series)
        case .briefs: .objects(briefs)
        default: nil
        }
    }
}

final class BriefSummaryView: FieldTemplateObject, @unchecked Sendable {

    /// Everything but the rendered entry: what a theme's home page may show of a brief besides
    /// `html`. From the build cache it stays encoded until a template asks for it (the default
    /// theme never does; decoding a thousand of them was a tenth of reading the cache).
    struct Details {
        var url: String
        var title: String
        var subtitle: String?
        var authors: String
        var date: DateView
        var summary: String?
        /// Set when the brief's language differs from the home page's.
        var lang: String?
        var seriesLine: String?
        /// 3 under series headings, 2 when the home page has none.
        var headingLevel: Int
        var draftLabel: String
    }

    private enum Storage {
        case decoded(Details)
        /// `BinaryWriter.write(_: Details)` output, and the file of the entry it was read for.
        case encoded(CacheSlice, path: String?)
    }

    let isDraft: Bool
    /// This entry rendered with `home-entry.mustache`, when the brief rendered (so a rebuild
    /// that reuses the brief reuses its entry instead of rendering a thousand entries again).
    /// UTF-8: it goes into the home page as bytes.
    let html: [UInt8]
    private let lock = NSLock()
    private var storage: Storage

    convenience init(url: String, title: String, subtitle: String? = nil, authors: String, date: DateView, summary: String? = nil, lang: String? = nil, seriesLine: String? = nil, isDraft: Bool, headingLevel: Int = 2, draftLabel: String = "", html: [UInt8] = []) {
        self.init(html: html, isDraft: isDraft, storage: .decoded(Details(
            url: url, title: title, subtitle: subtitle, authors: authors, date: date, summary: summary, lang: lang,
            seriesLine: seriesLine, headingLevel: headingLevel, draftLabel: draftLabel)))
    }

    /// An entry from the build cache, its details still encoded.
    convenience init(html: [UInt8], isDraft: Bool, encodedDetails: CacheSlice, path: String?) {
        self.init(html: html, isDraft: isDraft, storage: .encoded(encodedDetails, path: path))
    }

    private init(html: [UInt8], isDraft: Bool, storage: Storage) {
        self.html = html
        self.isDraft = isDraft
        self.storage = storage
    }

    /// The details, decoded on first use. The cache checked their structure when it read the
    /// entry; should they still not decode, the entry shows empty details.
    var details: Details {
        lock.withLock {
            switch storage {
            case .decoded(let details):
                return details
            case .encoded(let bytes, let path):
                var reader = BinaryReader(bytes, path: path)
                let details = (try? Details(from: &reader)) ?? Details(
                    url: "", title: "", subtitle: nil, authors: "", date: DateView(iso: "", display: ""), summary: nil,
                    lang: nil, seriesLine: nil, headingLevel: 2, draftLabel: "")
                storage = .decoded(details)
                return details
            }
        }
    }

    /// The details as the cache holds them, when they were never decoded.
    var encodedDetails: CacheSlice? {
        lock.withLock { () -> CacheSlice? in
            if case .encoded(let bytes, _) = storage { return bytes }
            return nil
        }
    }

    var url: String { details.url }
    var title: String { details.title }
    var subtitle: String? { details.subtitle }
    var authors: String { details.authors }
    var date: DateView { details.date }
    var summary: String? { details.summary }
    var lang: String? { details.lang }
    var seriesLine: String? { details.seriesLine }
    var headingLevel: Int { details.headingLevel }
    var draftLabel: String { details.draftLabel }

    /// The same entry with its rendered HTML.
    func with(html: [UInt8]) -> BriefSummaryView {
        BriefSummaryView(html: html, isDraft: isDraft, storage: .decoded(details))
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .html: .utf8(html)
        case .isDraft: .bool(isDraft)
        case .headingLevel: .number(headingLevel)
        case .draftLabel: .text(draftLabel)
        case .url: .text(url)
        case .title: .text(title)
        case .subtitle: .optional(subtitle)
        case .authors: .text(authors)
        case .date: .object(date)
        case .summary: .optional(summary)
        case .lang: .optional(lang)
        case .seriesLine: .optional(seriesLine)
        default: nil
        }
    }
}

/// The 404 page needs only the layout.
final class NotFoundPageView: FieldTemplateObject {
    let page: PageView

    init(page: PageView) {
        self.page = page
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .page: .object(page)
        default: nil
        }
    }
}
