/// What every page's layout needs: language, titles, links back to the site, UI strings.
/// Templates see only view models like this one, never raw front matter.
struct PageView: TemplateObject {
    static let keys = ["lang", "title", "description", "canonicalURL", "root", "siteTitle", "homeURL",
                       "stylesheetURL", "isDraft", "t", "headHTML", "alternates"]
    var lang: String
    /// Contents of `<title>`.
    var title: String
    var description: String
    var canonicalURL: String
    /// Relative path from this page to the site root (`../../`), so output works from any folder.
    var root: String
    var siteTitle: String
    var homeURL: String
    var stylesheetURL: String
    var isDraft: Bool
    /// UI strings in the page's language (`{{page.t.recommendations}}`).
    var t: [String: String]
    /// Extra `<head>` markup produced by briefpress itself (already escaped).
    var headHTML: String
    var alternates: [AlternateLink]

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "lang": .text(lang)
        case "title": .text(title)
        case "description": description.isEmpty ? .absent : .text(description)
        case "canonicalURL": canonicalURL.isEmpty ? .absent : .text(canonicalURL)
        case "root": .text(root)
        case "siteTitle": .text(siteTitle)
        case "homeURL": .text(homeURL)
        case "stylesheetURL": .text(stylesheetURL)
        case "isDraft": .bool(isDraft)
        case "t": .dictionary(t)
        case "headHTML": .text(headHTML)
        case "alternates": .objects(alternates)
        default: nil
        }
    }
}

/// A `<link rel="alternate">` to a translation, feed or PDF.
struct AlternateLink: TemplateObject {
    static let keys = ["href", "hreflang", "type", "title"]
    var href: String
    var hreflang: String?
    var type: String?
    var title: String?

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "href": .text(href)
        case "hreflang": .optional(hreflang)
        case "type": .optional(type)
        case "title": .optional(title)
        default: nil
        }
    }
}
