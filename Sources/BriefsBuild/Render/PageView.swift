/// What every page's layout needs: language, titles, links back to the site, UI strings.
/// Templates see only view models like this one, never raw front matter.
final class PageView: FieldTemplateObject {
    let lang: String
    /// Contents of `<title>`.
    let title: String
    let description: String
    let canonicalURL: String
    /// Relative path from this page to the site root (`../../`), so output works from any folder.
    let root: String
    let siteTitle: String
    let homeURL: String
    let stylesheetURL: String
    let isDraft: Bool
    /// UI strings in the page's language (`{{page.t.recommendations}}`).
    let t: [String: String]
    /// Extra `<head>` markup produced by briefpress itself (already escaped).
    let headHTML: [UInt8]
    let alternates: [AlternateLink]

    init(lang: String, title: String, description: String, canonicalURL: String, root: String, siteTitle: String, homeURL: String, stylesheetURL: String, isDraft: Bool, t: [String: String], headHTML: [UInt8], alternates: [AlternateLink]) {
        self.lang = lang
        self.title = title
        self.description = description
        self.canonicalURL = canonicalURL
        self.root = root
        self.siteTitle = siteTitle
        self.homeURL = homeURL
        self.stylesheetURL = stylesheetURL
        self.isDraft = isDraft
        self.t = t
        self.headHTML = headHTML
        self.alternates = alternates
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .lang: .text(lang)
        case .title: .text(title)
        case .description: description.isEmpty ? .absent : .text(description)
        case .canonicalURL: canonicalURL.isEmpty ? .absent : .text(canonicalURL)
        case .root: .text(root)
        case .siteTitle: .text(siteTitle)
        case .homeURL: .text(homeURL)
        case .stylesheetURL: .text(stylesheetURL)
        case .isDraft: .bool(isDraft)
        case .t: .dictionary(t)
        case .headHTML: .utf8(headHTML)
        case .alternates: .objects(alternates)
        default: nil
        }
    }
}

/// A `<link rel="alternate">` to a translation, feed or PDF.
final class AlternateLink: FieldTemplateObject {
    let href: String
    let hreflang: String?
    let type: String?
    let title: String?

    init(href: String, hreflang: String? = nil, type: String? = nil, title: String? = nil) {
        self.href = href
        self.hreflang = hreflang
        self.type = type
        self.title = title
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .href: .text(href)
        case .hreflang: .optional(hreflang)
        case .type: .optional(type)
        case .title: .optional(title)
        default: nil
        }
    }
}
