/// The brief page: header, lede, recommendations, background, research, references, imprint.
struct BriefPageView: TemplateObject {
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

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "print": .optional(print)
        case "headingIDs": .dictionary(headingIDs)
        case "page": .object(page)
        case "cite": .optional(cite)
        case "slug": .text(slug)
        case "seriesLine": .optional(seriesLine)
        case "title": .text(title)
        case "subtitle": .optional(subtitle)
        case "authors": .objects(authors)
        case "affiliations": .objects(affiliations)
        case "showAffiliationNumbers": .bool(showAffiliationNumbers)
        case "date": .object(date)
        case "updated": .optional(updated)
        case "ledeHTML": .text(ledeHTML)
        case "recommendations": recommendations.isEmpty ? .absent : .objects(recommendations)
        case "background": background.isEmpty ? .absent : .objects(background)
        case "researchHTML": .optional(researchHTML)
        case "references": references.isEmpty ? .absent : .strings(references)
        case "imprint": .optional(imprint)
        case "translation": .optional(translation)
        case "image": .optional(image)
        case "keywords": keywords.isEmpty ? .absent : .strings(keywords)
        case "hasRecommendations": .bool(!recommendations.isEmpty)
        case "hasBackground": .bool(!background.isEmpty)
        case "hasReferences": .bool(!references.isEmpty)
        default: nil
        }
    }
}

struct AuthorView: TemplateObject {
    static let keys = ["name", "orcidURL", "affiliationNumbers", "separator"]
    var name: String
    var orcidURL: String?
    /// "1, 2": which affiliations, by number.
    var affiliationNumbers: String
    /// Text placed after this author: ", ", " und ", or nothing after the last one.
    var separator: String

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "name": .text(self.name)
        case "orcidURL": .optional(orcidURL)
        case "affiliationNumbers": .optional(affiliationNumbers.isEmpty ? nil : affiliationNumbers)
        case "separator": .text(separator)
        default: nil
        }
    }
}

struct AffiliationView: TemplateObject {
    static let keys = ["number", "name", "unit", "rorURL"]
    var number: Int
    var name: String
    var unit: String?
    var rorURL: String?

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "number": .number(number)
        case "name": .text(self.name)
        case "unit": .optional(unit)
        case "rorURL": .optional(rorURL)
        default: nil
        }
    }
}

struct DateView: TemplateObject {
    static let keys = ["iso", "display"]
    /// For `<time datetime>`.
    var iso: String
    /// "Juni 2025", "14. Juni 2025", "14 June 2025".
    var display: String

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "iso": .text(iso)
        case "display": .text(display)
        default: nil
        }
    }
}

/// A recommendation or background section with its quotes.
struct SectionView: TemplateObject {
    static let keys = ["number", "id", "anchorID", "title", "html", "quotes"]
    var number: Int
    /// The stable id (`recommendation-1`) on the section.
    var id: String
    /// The title's slug (`vernetzung-als-eigene-aufgabe`) on the heading.
    var anchorID: String
    var title: String
    var html: String
    var quotes: [QuoteView]

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "number": .number(number)
        case "id": .text(id)
        case "anchorID": .text(anchorID)
        case "title": .text(title)
        case "html": .text(html)
        case "quotes": quotes.isEmpty ? .absent : .objects(quotes)
        default: nil
        }
    }
}

struct QuoteView: TemplateObject {
    static let keys = ["html", "source", "lang"]
    var html: String
    var source: String
    /// Set only when the quote's language differs from the page's.
    var lang: String?

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "html": .text(html)
        case "source": .text(source)
        case "lang": .optional(lang)
        default: nil
        }
    }
}

struct ImprintView: TemplateObject {
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

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "publisher": .text(publisher)
        case "unit": .optional(unit)
        case "place": .optional(place)
        case "contact": .optional(contact)
        case "contactURL": .optional(contactURL)
        case "authors": .text(authors)
        case "authorsLabel": .text(authorsLabel)
        case "date": .object(date)
        case "doi": .optional(doi)
        case "doiURL": .optional(doiURL)
        case "licenseName": .optional(licenseName)
        case "licenseURL": .optional(licenseURL)
        default: nil
        }
    }
}

struct TranslationView: TemplateObject {
    static let keys = ["url", "lang", "label"]
    var url: String
    var lang: String
    var label: String

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "url": .text(url)
        case "lang": .text(lang)
        case "label": .text(label)
        default: nil
        }
    }
}

struct ImageView: TemplateObject {
    static let keys = ["src", "alt"]
    var src: String
    var alt: String

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "src": .text(src)
        case "alt": .text(alt)
        default: nil
        }
    }
}

/// The "Zitieren / Cite" box: the recommended citation and the download formats.
struct CiteView: TemplateObject {
    static let keys = ["citationHTML", "downloads"]
    /// Rendered by briefpress (escaped, title in `<i>`).
    var citationHTML: String
    var downloads: [DownloadView]

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "citationHTML": .text(citationHTML)
        case "downloads": .objects(downloads)
        default: nil
        }
    }
}

struct DownloadView: TemplateObject {
    static let keys = ["href", "type", "label"]
    var href: String
    var type: String
    var label: String

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "href": .text(href)
        case "type": .text(type)
        case "label": .text(label)
        default: nil
        }
    }
}

/// What only the print version needs: PDF metadata and running header/footer texts.
struct PrintInfo: TemplateObject {
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

    func value(forKey key: String) -> TemplateValue? {
        switch key {
        case "fullTitle": .text(fullTitle)
        case "authorNames": .strings(authorNames)
        case "authorLine": .text(authorLine)
        case "keywords": .optional(keywords)
        case "footerText": .text(footerText)
        default: nil
        }
    }
}
