/// The brief page: header, lede, recommendations, background, research, references, imprint.
final class BriefPageView: FieldTemplateObject {
    let page: PageView
    let slug: String
    /// "Handlungsimpulse Nr. 7", or just the series name.
    let seriesLine: String?
    let title: String
    let subtitle: String?
    let authors: [AuthorView]
    let affiliations: [AffiliationView]
    /// Numbers after author names only help when there is more than one affiliation.
    let showAffiliationNumbers: Bool
    let date: DateView
    let updated: DateView?
    /// UTF-8, as the Markdown renderer made it.
    let ledeHTML: [UInt8]
    let recommendations: [SectionView]
    let background: [SectionView]
    let researchHTML: [UInt8]?
    let references: [String]
    let imprint: ImprintView?
    let translation: TranslationView?
    let image: ImageView?
    let keywords: [String]
    let cite: CiteView?
    let print: PrintInfo?
    /// Ids of the section headings, from the localized heading text (`#handlungsimpulse`,
    /// `#literatur`), so links written with the German word work as well as `#recommendations`.
    let headingIDs: [String: String]

    init(page: PageView, slug: String, seriesLine: String? = nil, title: String, subtitle: String? = nil, authors: [AuthorView], affiliations: [AffiliationView], showAffiliationNumbers: Bool, date: DateView, updated: DateView? = nil, ledeHTML: [UInt8], recommendations: [SectionView], background: [SectionView], researchHTML: [UInt8]? = nil, references: [String], imprint: ImprintView? = nil, translation: TranslationView? = nil, image: ImageView? = nil, keywords: [String], cite: CiteView? = nil, print: PrintInfo? = nil, headingIDs: [String: String] = [:]) {
        self.page = page
        self.slug = slug
        self.seriesLine = seriesLine
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.affiliations = affiliations
        self.showAffiliationNumbers = showAffiliationNumbers
        self.date = date
        self.updated = updated
        self.ledeHTML = ledeHTML
        self.recommendations = recommendations
        self.background = background
        self.researchHTML = researchHTML
        self.references = references
        self.imprint = imprint
        self.translation = translation
        self.image = image
        self.keywords = keywords
        self.cite = cite
        self.print = print
        self.headingIDs = headingIDs
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .print: .optional(print)
        case .headingIDs: .dictionary(headingIDs)
        case .page: .object(page)
        case .cite: .optional(cite)
        case .slug: .text(slug)
        case .seriesLine: .optional(seriesLine)
        case .title: .text(title)
        case .subtitle: .optional(subtitle)
        case .authors: .objects(authors)
        case .affiliations: .objects(affiliations)
        case .showAffiliationNumbers: .bool(showAffiliationNumbers)
        case .date: .object(date)
        case .updated: .optional(updated)
        case .ledeHTML: .utf8(ledeHTML)
        case .recommendations: recommendations.isEmpty ? .absent : .objects(recommendations)
        case .background: background.isEmpty ? .absent : .objects(background)
        case .researchHTML: researchHTML.map(TemplateValue.utf8) ?? .absent
        case .references: references.isEmpty ? .absent : .strings(references)
        case .imprint: .optional(imprint)
        case .translation: .optional(translation)
        case .image: .optional(image)
        case .keywords: keywords.isEmpty ? .absent : .strings(keywords)
        case .hasRecommendations: .bool(!recommendations.isEmpty)
        case .hasBackground: .bool(!background.isEmpty)
        case .hasReferences: .bool(!references.isEmpty)
        default: nil
        }
    }
}

final class AuthorView: FieldTemplateObject {
    let name: String
    let orcidURL: String?
    /// "1, 2": which affiliations, by number.
    let affiliationNumbers: String
    /// Text placed after this author: ", ", " und ", or nothing after the last one.
    let separator: String

    init(name: String, orcidURL: String? = nil, affiliationNumbers: String, separator: String) {
        self.name = name
        self.orcidURL = orcidURL
        self.affiliationNumbers = affiliationNumbers
        self.separator = separator
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .name: .text(self.name)
        case .orcidURL: .optional(orcidURL)
        case .affiliationNumbers: .optional(affiliationNumbers.isEmpty ? nil : affiliationNumbers)
        case .separator: .text(separator)
        default: nil
        }
    }
}

final class AffiliationView: FieldTemplateObject {
    let number: Int
    let name: String
    let unit: String?
    let rorURL: String?

    init(number: Int, name: String, unit: String? = nil, rorURL: String? = nil) {
        self.number = number
        self.name = name
        self.unit = unit
        self.rorURL = rorURL
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .number: .number(number)
        case .name: .text(self.name)
        case .unit: .optional(unit)
        case .rorURL: .optional(rorURL)
        default: nil
        }
    }
}

final class DateView: FieldTemplateObject {
    /// For `<time datetime>`.
    let iso: String
    /// "Juni 2025", "14. Juni 2025", "14 June 2025".
    let display: String

    init(iso: String, display: String) {
        self.iso = iso
        self.display = display
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .iso: .text(iso)
        case .display: .text(display)
        default: nil
        }
    }
}

/// A recommendation or background section with its quotes.
final class SectionView: FieldTemplateObject {
    let number: Int
    /// The stable id (`recommendation-1`) on the section.
    let id: String
    /// The title's slug (`vernetzung-als-eigene-aufgabe`) on the heading.
    let anchorID: String
    let title: String
    /// UTF-8, as the Markdown renderer made it.
    let html: [UInt8]
    let quotes: [QuoteView]

    init(number: Int, id: String, anchorID: String, title: String, html: [UInt8], quotes: [QuoteView]) {
        self.number = number
        self.id = id
        self.anchorID = anchorID
        self.title = title
        self.html = html
        self.quotes = quotes
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .number: .number(number)
        case .id: .text(id)
        case .anchorID: .text(anchorID)
        case .title: .text(title)
        case .html: .utf8(html)
        case .quotes: quotes.isEmpty ? .absent : .objects(quotes)
        default: nil
        }
    }
}

final class QuoteView: FieldTemplateObject {
    /// UTF-8, as the Markdown renderer made it.
    let html: [UInt8]
    let source: String
    /// Set only when the quote's language differs from the page's.
    let lang: String?

    init(html: [UInt8], source: String, lang: String? = nil) {
        self.html = html
        self.source = source
        self.lang = lang
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .html: .utf8(html)
        case .source: .text(source)
        case .lang: .optional(lang)
        default: nil
        }
    }
}

final class ImprintView: FieldTemplateObject {
    let publisher: String
    let unit: String?
    let place: String?
    let contact: String?
    let contactURL: String?
    let authors: String
    /// "Autor*in" or "Autor*innen", by the number of authors.
    let authorsLabel: String
    let date: DateView
    let doi: String?
    let doiURL: String?
    let licenseName: String?
    let licenseURL: String?

    init(publisher: String, unit: String? = nil, place: String? = nil, contact: String? = nil, contactURL: String? = nil, authors: String, authorsLabel: String, date: DateView, doi: String? = nil, doiURL: String? = nil, licenseName: String? = nil, licenseURL: String? = nil) {
        self.publisher = publisher
        self.unit = unit
        self.place = place
        self.contact = contact
        self.contactURL = contactURL
        self.authors = authors
        self.authorsLabel = authorsLabel
        self.date = date
        self.doi = doi
        self.doiURL = doiURL
        self.licenseName = licenseName
        self.licenseURL = licenseURL
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .publisher: .text(publisher)
        case .unit: .optional(unit)
        case .place: .optional(place)
        case .contact: .optional(contact)
        case .contactURL: .optional(contactURL)
        case .authors: .text(authors)
        case .authorsLabel: .text(authorsLabel)
        case .date: .object(date)
        case .doi: .optional(doi)
        case .doiURL: .optional(doiURL)
        case .licenseName: .optional(licenseName)
        case .licenseURL: .optional(licenseURL)
        default: nil
        }
    }
}

final class TranslationView: FieldTemplateObject {
    let url: String
    let lang: String
    let label: String

    init(url: String, lang: String, label: String) {
        self.url = url
        self.lang = lang
        self.label = label
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .url: .text(url)
        case .lang: .text(lang)
        case .label: .text(label)
        default: nil
        }
    }
}

final class ImageView: FieldTemplateObject {
    let src: String
    let alt: String

    init(src: String, alt: String) {
        self.src = src
        self.alt = alt
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .src: .text(src)
        case .alt: .text(alt)
        default: nil
        }
    }
}

/// The "Zitieren / Cite" box: the recommended citation and the download formats.
final class CiteView: FieldTemplateObject {
    /// Rendered by briefpress (escaped, title in `<i>`).
    let citationHTML: String
    let downloads: [DownloadView]

    init(citationHTML: String, downloads: [DownloadView]) {
        self.citationHTML = citationHTML
        self.downloads = downloads
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .citationHTML: .text(citationHTML)
        case .downloads: .objects(downloads)
        default: nil
        }
    }
}

final class DownloadView: FieldTemplateObject {
    let href: String
    let type: String
    let label: String

    init(href: String, type: String, label: String) {
        self.href = href
        self.type = type
        self.label = label
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .href: .text(href)
        case .type: .text(type)
        case .label: .text(label)
        default: nil
        }
    }
}

/// What only the print version needs: PDF metadata and running header/footer texts.
final class PrintInfo: FieldTemplateObject {
    /// "Title: Subtitle", the PDF's document title.
    let fullTitle: String
    /// One `<meta name="author">` each, which WeasyPrint writes into the PDF info and XMP.
    let authorNames: [String]
    /// "Erika Muster und Jan Schmidt": the author line right below the title, without affiliations.
    let authorLine: String
    let keywords: String?
    /// The DOI link (or page address) in every page's footer.
    let footerText: String

    init(fullTitle: String, authorNames: [String], authorLine: String, keywords: String? = nil, footerText: String) {
        self.fullTitle = fullTitle
        self.authorNames = authorNames
        self.authorLine = authorLine
        self.keywords = keywords
        self.footerText = footerText
    }

    func value(for field: TemplateField) -> TemplateValue? {
        switch field {
        case .fullTitle: .text(fullTitle)
        case .authorNames: .strings(authorNames)
        case .authorLine: .text(authorLine)
        case .keywords: .optional(keywords)
        case .footerText: .text(footerText)
        default: nil
        }
    }
}
