import BriefsCore
import BriefsMarkdown
import Foundation

/// The one description of a brief as a publication. Every surface that carries citation
/// metadata (page head, exports, feeds, the cite box, later the PDF) is generated from this
/// value, so title, authors, date, DOI and license agree everywhere by construction.
struct CitationRecord: Sendable, Equatable {
    struct Person: Sendable, Equatable {
        var name: String
        var given: String?
        var family: String
        var orcid: String?
        var affiliations: [Affiliation]

        /// "Zekovic, Denis": the inverted form Highwire, Dublin Core and RIS use.
        var inverted: String { given.map { "\(family), \($0)" } ?? family }
    }

    var slug: String
    let title: String
    let subtitle: String?
    var authors: [Person]
    var date: BriefDate
    var updated: BriefDate?
    var doi: String?
    var license: License?
    /// BCP 47 tag as written (`de`, `en-GB`).
    var language: String
    var keywords: [String]
    var abstract: String?
    var publisher: String
    /// The most specific publishing body: "Professur …, Technische Universität Chemnitz".
    var institution: String
    var place: String?
    var series: String?
    var number: Int?
    var pageURL: String
    var pdfURL: String?
    var imageURL: String
    var imageAlt: String
    var siteTitle: String

    /// "Title: Subtitle", the form citations use. Kept, not worked out when asked: every
    /// surface asks for it, twenty times per brief.
    let fullTitle: String

    private static func fullTitle(_ title: String, _ subtitle: String?) -> String {
        guard let subtitle, !subtitle.isEmpty else { return title }
        let separator = title.last.map { ".:?!".contains($0) } == true ? " " : ": "
        return title + separator + subtitle
    }

    var doiURL: String? { doi.map(DOI.url) }
    /// The persistent identifier when there is one, else the page.
    var identifierURL: String { doiURL ?? pageURL }
    var primaryLanguage: String { String(language.split(separator: "-").first ?? "").lowercased() }
    /// The genre shown in citations: the series ("Handlungsimpulse") or a generic name.
    var reportType: String { series ?? (primaryLanguage == "de" ? "Policy Brief" : "Policy brief") }

    init(brief: Brief, site: SiteConfig, abstract: String?, hasPDF: Bool, defaultImage: String) {
        let language = TypographyLanguage(bcp47: brief.language.value)
        slug = brief.slug
        title = Typography.apply(brief.title.value, language: language)
        subtitle = brief.subtitle.map { Typography.apply($0, language: language) }
        fullTitle = Self.fullTitle(title, subtitle)
        authors = brief.authors.map { author in
            Person(name: author.name, given: author.given, family: author.family, orcid: author.orcid,
                   affiliations: author.affiliationIDs.compactMap { id in brief.affiliations.first { $0.id == id.value } })
        }
        date = brief.date.value
        updated = brief.updated?.value
        doi = brief.doi?.value
        license = brief.license.flatMap { License.named($0.value) }
        self.language = brief.language.value
        keywords = brief.keywords
        self.abstract = abstract
        publisher = brief.imprint?.publisher ?? site.title
        institution = [brief.imprint?.unit, brief.imprint?.publisher ?? site.title].compactMap { $0 }.joined(separator: ", ")
        place = brief.imprint?.place
        series = brief.series
        number = brief.number?.value
        pageURL = site.baseURL + "briefs/\(brief.slug)/"
        pdfURL = hasPDF ? pageURL + "\(brief.slug).pdf" : nil
        if let image = brief.image {
            let source = image.source.value
            imageURL = source.hasPrefix("https://") || source.hasPrefix("http://") ? source : pageURL + source
            imageAlt = image.alt
        } else {
            imageURL = site.baseURL + defaultImage
            imageAlt = ""
        }
        siteTitle = site.title
    }
}

extension BriefDate {
    /// RFC 3339 timestamp at midnight UTC, for feeds and `article:published_time`.
    var rfc3339: String { fullISO + "T00:00:00Z" }
}
