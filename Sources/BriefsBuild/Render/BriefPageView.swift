import Mustache

/// The brief page: header, lede, recommendations, background, research, references, imprint.
struct BriefPageView: MustacheParent, Sendable {
    static let keys = ["page", "slug", "seriesLine", "title", "subtitle", "authors", "affiliations",
                       "showAffiliationNumbers", "date", "updated", "ledeHTML", "recommendations", "background",
                       "researchHTML", "references", "imprint", "translation", "image", "keywords",
                       "hasRecommendations", "hasBackground", "hasReferences", "cite", "print", "headingIDs"]
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
    var cite: CiteView?
    var print: PrintInfo?
    /// Ids of the section headings, from the localized heading text (`#handlungsimpulse`,
    /// `#literatur`), so links written with the German word work as well as `#recommendations`.
    var headingIDs: [String: String] = [:]

    func child(named name: String) -> Any? {
        switch name {
        case "print": Absent.wrap(print)
        case "headingIDs": headingIDs
        case "page": Absent.wrap(page)
        case "cite": Absent.wrap(cite)
        case "slug": Absent.wrap(slug)
        case "seriesLine": Absent.wrap(seriesLine)
        case "title": Absent.wrap(title)
        case "subtitle": Absent.wrap(subtitle)
        case "authors": Absent.wrap(authors)
        case "affiliations": Absent.wrap(affiliations)
        case "showAffiliationNumbers": Absent.wrap(showAffiliationNumbers)
        case "date": Absent.wrap(date)
        case "updated": Absent.wrap(updated)
        case "ledeHTML": Absent.wrap(ledeHTML)
        case "recommendations": Absent.wrap(recommendations.isEmpty ? nil : recommendations)
        case "background": Absent.wrap(background.isEmpty ? nil : background)
        case "researchHTML": Absent.wrap(researchHTML)
        case "references": Absent.wrap(references.isEmpty ? nil : references)
        case "imprint": Absent.wrap(imprint)
        case "translation": Absent.wrap(translation)
        case "image": Absent.wrap(image)
        case "keywords": Absent.wrap(keywords.isEmpty ? nil : keywords)
        case "hasRecommendations": Absent.wrap(!recommendations.isEmpty)
        case "hasBackground": Absent.wrap(!background.isEmpty)
        case "hasReferences": Absent.wrap(!references.isEmpty)
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
        case "name": Absent.wrap(self.name)
        case "orcidURL": Absent.wrap(orcidURL)
        case "affiliationNumbers": Absent.wrap(affiliationNumbers.isEmpty ? nil : affiliationNumbers)
        case "separator": Absent.wrap(separator)
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
        case "number": Absent.wrap(number)
        case "name": Absent.wrap(self.name)
        case "unit": Absent.wrap(unit)
        case "rorURL": Absent.wrap(rorURL)
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
        case "iso": Absent.wrap(iso)
        case "display": Absent.wrap(display)
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
        case "number": Absent.wrap(number)
        case "id": Absent.wrap(id)
        case "anchorID": Absent.wrap(anchorID)
        case "title": Absent.wrap(title)
        case "html": Absent.wrap(html)
        case "quotes": Absent.wrap(quotes.isEmpty ? nil : quotes)
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
        case "html": Absent.wrap(html)
        case "source": Absent.wrap(source)
        case "lang": Absent.wrap(lang)
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
        case "publisher": Absent.wrap(publisher)
        case "unit": Absent.wrap(unit)
        case "place": Absent.wrap(place)
        case "contact": Absent.wrap(contact)
        case "contactURL": Absent.wrap(contactURL)
        case "authors": Absent.wrap(authors)
        case "authorsLabel": Absent.wrap(authorsLabel)
        case "date": Absent.wrap(date)
        case "doi": Absent.wrap(doi)
        case "doiURL": Absent.wrap(doiURL)
        case "licenseName": Absent.wrap(licenseName)
        case "licenseURL": Absent.wrap(licenseURL)
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
        case "url": Absent.wrap(url)
        case "lang": Absent.wrap(lang)
        case "label": Absent.wrap(label)
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
        case "src": Absent.wrap(src)
        case "alt": Absent.wrap(alt)
        default: nil
        }
    }
}

/// The "Zitieren / Cite" box: the recommended citation and the download formats.
struct CiteView: MustacheParent, Sendable {
    static let keys = ["citationHTML", "downloads"]
    /// Rendered by briefpress (escaped, title in `<i>`).
    var citationHTML: String
    var downloads: [DownloadView]

    func child(named name: String) -> Any? {
        switch name {
        case "citationHTML": Absent.wrap(citationHTML)
        case "downloads": Absent.wrap(downloads)
        default: nil
        }
    }
}

struct DownloadView: MustacheParent, Sendable {
    static let keys = ["href", "type", "label"]
    var href: String
    var type: String
    var label: String

    func child(named name: String) -> Any? {
        switch name {
        case "href": Absent.wrap(href)
        case "type": Absent.wrap(type)
        case "label": Absent.wrap(label)
        default: nil
        }
    }
}

/// What only the print version needs: PDF metadata and running header/footer texts.
struct PrintInfo: MustacheParent, Sendable {
    static let keys = ["fullTitle", "authorNames", "authorLine", "keywords", "footerText"]
    /// "Title: Subtitle", the PDF's document title.
    var fullTitle: String
    /// One `<meta name="author">` each, which WeasyPrint writes into the PDF info and XMP.
    var authorNames: [String]
    /// "Erika Muster und Jan Schmidt": the author line right below the title, without affiliations.
    var authorLine: String
    var keywords: String?
    /// The DOI link (or page address) in every page's footer.
    var footerText: String

    func child(named name: String) -> Any? {
        switch name {
        case "fullTitle": fullTitle
        case "authorNames": authorNames
        case "authorLine": authorLine
        case "keywords": Absent.wrap(keywords)
        case "footerText": footerText
        default: nil
        }
    }
}
