import Mustache

/// What every page's layout needs: language, titles, links back to the site, UI strings.
/// Templates see only view models like this one, never raw front matter.
struct PageView: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "lang": Absent.wrap(lang)
        case "title": Absent.wrap(title)
        case "description": description.isEmpty ? Absent() : description
        case "canonicalURL": canonicalURL.isEmpty ? Absent() : canonicalURL
        case "root": Absent.wrap(root)
        case "siteTitle": Absent.wrap(siteTitle)
        case "homeURL": Absent.wrap(homeURL)
        case "stylesheetURL": Absent.wrap(stylesheetURL)
        case "isDraft": Absent.wrap(isDraft)
        case "t": Absent.wrap(t)
        case "headHTML": Absent.wrap(headHTML)
        case "alternates": Absent.wrap(alternates)
        default: nil
        }
    }
}

/// A `<link rel="alternate">` to a translation, feed or PDF.
struct AlternateLink: MustacheParent, Sendable {
    static let keys = ["href", "hreflang", "type", "title"]
    var href: String
    var hreflang: String?
    var type: String?
    var title: String?

    func child(named name: String) -> Any? {
        switch name {
        case "href": Absent.wrap(href)
        case "hreflang": Absent.wrap(hreflang)
        case "type": Absent.wrap(type)
        case "title": Absent.wrap(title)
        default: nil
        }
    }
}
