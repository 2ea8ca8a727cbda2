import BriefsCore
import Foundation

/// The machine-readable metadata in a brief page's `<head>`: Highwire Press tags for Google
/// Scholar and Zotero, Dublin Core, schema.org JSON-LD and Open Graph, all from one record.
enum HeadMetadata {
    static func html(for record: CitationRecord, translation: (url: String, language: String)?) -> [UInt8] {
        var buffer = TextBuffer(capacity: 8192)
        highwire(record, into: &buffer)
        dublinCore(record, into: &buffer)
        openGraph(record, translation: translation, into: &buffer)
        buffer.append(jsonLD(record))
        return buffer.bytes
    }

    // MARK: - Highwire Press (Google Scholar)

    /// One `citation_author` per author, its institutions and ORCID right after it (the order
    /// Manubot and Zotero rely on). Dates are `YYYY/MM/DD` or the year alone, as Scholar requires.
    static func highwire(_ record: CitationRecord, into tags: inout TextBuffer) {
        tags.meta(name: "citation_title", record.fullTitle)
        for author in record.authors {
            tags.meta(name: "citation_author", author.inverted)
            for affiliation in author.affiliations {
                tags.meta(name: "citation_author_institution", affiliation.name)
            }
            if let orcid = author.orcid { tags.meta(name: "citation_author_orcid", orcid) }
        }
        tags.meta(name: "citation_publication_date", scholarDate(record.date))
        if let updated = record.updated { tags.meta(name: "citation_online_date", scholarDate(updated)) }
        if let doi = record.doi { tags.meta(name: "citation_doi", doi) }
        tags.meta(name: "citation_language", record.primaryLanguage)
        for keyword in record.keywords { tags.meta(name: "citation_keywords", keyword) }
        if let pdf = record.pdfURL { tags.meta(name: "citation_pdf_url", pdf) }
        tags.meta(name: "citation_technical_report_institution", record.institution)
        if let number = record.number {
            tags.meta(name: "citation_technical_report_number", String(number))
        }
        if let series = record.series { tags.meta(name: "citation_series_title", series) }
        tags.meta(name: "citation_publisher", record.publisher)
        tags.meta(name: "citation_abstract_html_url", record.pageURL)
    }

    /// Scholar accepts full dates or a year; a month alone would be misread, so it becomes the year.
    static func scholarDate(_ date: BriefDate) -> String {
        guard let month = date.month, let day = date.day else { return String(date.year) }
        return date.year.zeroPadded(4) + "/" + month.zeroPadded(2) + "/" + day.zeroPadded(2)
    }

    // MARK: - Dublin Core

    static func dublinCore(_ record: CitationRecord, into tags: inout TextBuffer) {
        tags.append("<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">\n")
        tags.meta(name: "DC.title", record.fullTitle)
        for author in record.authors { tags.meta(name: "DC.creator", author.inverted) }
        // W3CDTF in the precision the editor wrote (YYYY, YYYY-MM or YYYY-MM-DD).
        tags.meta(name: "DC.date", record.date.description)
        tags.meta(name: "DC.identifier", record.identifierURL)
        tags.meta(name: "DC.language", record.language)
        tags.meta(name: "DC.publisher", record.publisher)
        if let license = record.license { tags.meta(name: "DC.rights", license.url) }
        tags.meta(name: "DC.type", "Text")
        for keyword in record.keywords { tags.meta(name: "DC.subject", keyword) }
        if let abstract = record.abstract { tags.meta(name: "DC.description", abstract) }
    }

    // MARK: - Open Graph

    static func openGraph(_ record: CitationRecord, translation: (url: String, language: String)?, into tags: inout TextBuffer) {
        tags.meta(property: "og:type", "article")
        tags.meta(property: "og:title", record.fullTitle)
        tags.meta(property: "og:url", record.pageURL)
        tags.meta(property: "og:image", record.imageURL)
        if !record.imageAlt.isEmpty { tags.meta(property: "og:image:alt", record.imageAlt) }
        if let abstract = record.abstract { tags.meta(property: "og:description", abstract) }
        tags.meta(property: "og:site_name", record.siteTitle)
        tags.meta(property: "og:locale", locale(record.language))
        if let translation { tags.meta(property: "og:locale:alternate", locale(translation.language)) }
        tags.meta(property: "article:published_time", record.date.description)
        if let updated = record.updated { tags.meta(property: "article:modified_time", updated.description) }
        for author in record.authors { tags.meta(property: "article:author", author.name) }
        for keyword in record.keywords { tags.meta(property: "article:tag", keyword) }
        tags.meta(name: "twitter:card", "summary_large_image")
    }

    /// `de` → `de_DE`, `en` → `en_US`, `de-AT` → `de_AT`: the form Open Graph expects.
    static func locale(_ language: String) -> String {
        let parts = language.split(separator: "-")
        let primary = String(parts.first ?? "").lowercased()
        if let region = parts.dropFirst().first(where: { $0.count == 2 }) { return "\(primary)_\(region.uppercased())" }
        let defaults = ["de": "DE", "en": "US", "fr": "FR", "es": "ES", "it": "IT", "pl": "PL", "uk": "UA", "ar": "SA", "tr": "TR"]
        return "\(primary)_\(defaults[primary] ?? primary.uppercased())"
    }

    // MARK: - schema.org JSON-LD

    static func jsonLD(_ record: CitationRecord) -> String {
        // `<` inside a string could close the script element; JSON allows the escaped form.
        "<script type=\"application/ld+json\">\(schemaOrg(record).text(htmlSafe: true))</script>"
    }

    static func schemaOrg(_ record: CitationRecord) -> JSON {
        // Keys in the order they are written (see `JSONWriter.sorted`).
        .object([
            "@context": "https://schema.org",
            "@id": .string(record.identifierURL),
            "@type": "Report",
            "abstract": record.abstract.map(JSON.string),
            "alternativeHeadline": record.subtitle.map(JSON.string),
            "author": .array(record.authors.map(person)),
            "dateModified": record.updated.map { .string($0.description) },
            "datePublished": .string(record.date.description),
            "description": record.abstract.map(JSON.string),
            "encoding": record.pdfURL.map { pdf in
                .object(["@type": "MediaObject", "contentUrl": .string(pdf), "encodingFormat": "application/pdf"])
            },
            "headline": .string(record.title),
            "identifier": record.doiURL.map { doi in
                .object(["@type": "PropertyValue", "propertyID": "DOI", "url": .string(doi), "value": .string(record.doi ?? "")])
            },
            "image": .string(record.imageURL),
            "inLanguage": .string(record.language),
            "isPartOf": record.series.map { .object(["@type": "CreativeWorkSeries", "name": .string($0)]) },
            "keywords": record.keywords.isEmpty ? nil : JSON.strings(record.keywords),
            "license": record.license.map { .string($0.url) },
            "name": .string(record.fullTitle),
            "publisher": organization(name: record.publisher, ror: nil),
            "reportNumber": record.number.map { .string(String($0)) },
            "sameAs": record.doiURL.map(JSON.string),
            "url": .string(record.pageURL),
        ])
    }

    static func person(_ person: CitationRecord.Person) -> JSON {
        .object([
            "@id": person.orcid.map { .string(ORCID.url($0)) },
            "@type": "Person",
            "affiliation": person.affiliations.isEmpty
                ? nil : .array(person.affiliations.map { organization(name: $0.name, ror: $0.ror) }),
            "familyName": .string(person.family),
            "givenName": person.given.map(JSON.string),
            "name": .string(person.name),
        ])
    }

    static func organization(name: String, ror: String?) -> JSON {
        .object(["@id": ror.map(JSON.string), "@type": "Organization", "name": .string(name)])
    }
}
