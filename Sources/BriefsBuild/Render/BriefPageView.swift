import Mustache

/// The brief page: header, lede, recommendations, background, research, references, imprint.
struct BriefPageView: MustacheParent, Sendable {
    static let keys = ["page", "slug", "seriesLine", "title", "subtitle", "authors", "affiliations",
                       "showAffiliationNumbers", "date", "updated", "ledeHTML", "recommendations", "background",
                       "researchHTML", "references", "imprint", "translation", "image", "keywords",
                       "hasRecommendations", "hasBackground", "hasReferences"]
    var page: PageView
    var slug: String
    /// "Handlungsimpulse Nr. 7", or just the series name.
    var seriesLine: String?
    var title: String
    var subtitle: String?
    var authors: [AuthorView]
    var affiliations: [AffiliationView]
    /// Numbers after author names only help when there is more than one affiliation.
    var showAffiliationNumbers: Bool
    var date: DateView
    var updated: DateView?
    var ledeHTML: String
    var recommendations: [SectionView]
    var background: [SectionView]
    var researchHTML: String?
    var references: [String]
    var imprint: ImprintView?
    var translation: TranslationView?
    var image: ImageView?
    var keywords: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "slug": slug
        case "seriesLine": seriesLine
        case "title": title
        case "subtitle": subtitle
        case "authors": authors
        case "affiliations": affiliations
        case "showAffiliationNumbers": showAffiliationNumbers
        case "date": date
        case "updated": updated
        case "ledeHTML": ledeHTML
        case "recommendations": recommendations.isEmpty ? nil : recommendations
        case "background": background.isEmpty ? nil : background
        case "researchHTML": researchHTML
        case "references": references.isEmpty ? nil : references
        case "imprint": imprint
        case "translation": translation
        case "image": image
        case "keywords": keywords.isEmpty ? nil : keywords
        case "hasRecommendations": !recommendations.isEmpty
        case "hasBackground": !background.isEmpty
        case "hasReferences": !references.isEmpty
        default: nil
        }
    }
}

struct AuthorView: MustacheParent, Sendable {
    static let keys = ["name", "orcidURL", "affiliationNumbers", "separator"]
    var name: String
    var orcidURL: String?
    /// "1, 2": which affiliations, by number.
    var affiliationNumbers: String
    /// Text placed after this author: ", ", " und ", or nothing after the last one.
    var separator: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "orcidURL": orcidURL
        case "affiliationNumbers": affiliationNumbers.isEmpty ? nil : affiliationNumbers
        case "separator": separator
        default: nil
        }
    }
}

struct AffiliationView: MustacheParent, Sendable {
    static let keys = ["number", "name", "unit", "rorURL"]
    var number: Int
    var name: String
    var unit: String?
    var rorURL: String?

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "name": self.name
        case "unit": unit
        case "rorURL": rorURL
        default: nil
        }
    }
}

struct DateView: MustacheParent, Sendable {
    static let keys = ["iso", "display"]
    /// For `<time datetime>`.
    var iso: String
    /// "Juni 2025", "14. Juni 2025", "14 June 2025".
    var display: String

    func child(named name: String) -> Any? {
        switch name {
        case "iso": iso
        case "display": display
        default: nil
        }
    }
}

/// A recommendation or background section with its quotes.
struct SectionView: MustacheParent, Sendable {
    static let keys = ["number", "id", "anchorID", "title", "html", "quotes"]
    var number: Int
    /// The stable id (`recommendation-1`) on the section.
    var id: String
    /// The title's slug (`vernetzung-als-eigene-aufgabe`) on the heading.
    var anchorID: String
    var title: String
    var html: String
    var quotes: [QuoteView]

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "id": id
        case "anchorID": anchorID
        case "title": title
        case "html": html
        case "quotes": quotes.isEmpty ? nil : quotes
        default: nil
        }
    }
}

struct QuoteView: MustacheParent, Sendable {
    static let keys = ["html", "source", "lang"]
    var html: String
    var source: String
    /// Set only when the quote's language differs from the page's.
    var lang: String?

    func child(named name: String) -> Any? {
        switch name {
        case "html": html
        case "source": source
        case "lang": lang
        default: nil
        }
    }
}

struct ImprintView: MustacheParent, Sendable {
    static let keys = ["publisher", "unit", "place", "contact", "contactURL", "authors", "authorsLabel", "date", "doi", "doiURL",
                       "licenseName", "licenseURL"]
    var publisher: String
    var unit: String?
    var place: String?
    var contact: String?
    var contactURL: String?
    var authors: String
    /// "Autor*in" or "Autor*innen", by the number of authors.
    var authorsLabel: String
    var date: DateView
    var doi: String?
    var doiURL: String?
    var licenseName: String?
    var licenseURL: String?

    func child(named name: String) -> Any? {
        switch name {
        case "publisher": publisher
        case "unit": unit
        case "place": place
        case "contact": contact
        case "contactURL": contactURL
        case "authors": authors
        case "authorsLabel": authorsLabel
        case "date": date
        case "doi": doi
        case "doiURL": doiURL
        case "licenseName": licenseName
        case "licenseURL": licenseURL
        default: nil
        }
    }
}

struct TranslationView: MustacheParent, Sendable {
    static let keys = ["url", "lang", "label"]
    var url: String
    var lang: String
    var label: String

    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "lang": lang
        case "label": label
        default: nil
        }
    }
}

struct ImageView: MustacheParent, Sendable {
    static let keys = ["src", "alt"]
    var src: String
    var alt: String

    func child(named name: String) -> Any? {
        switch name {
        case "src": src
        case "alt": alt
        default: nil
        }
    }
}
