import BriefsCore
import Foundation

/// The download formats of the "Cite" box: BibTeX, RIS and CSL-JSON, from the one record.
enum CitationExports {
    static func files(for record: CitationRecord) -> [OutputFile] {
        let folder = "briefs/\(record.slug)/\(record.slug)"
        return [
            OutputFile(path: folder + ".bib", text: bibTeX(record)),
            OutputFile(path: folder + ".ris", text: ris(record)),
            OutputFile(path: folder + ".json", text: cslJSON(record)),
        ]
    }

    // MARK: - BibTeX

    /// `@techreport`, which BibTeX and BibLaTeX both know; `type` prints the genre instead of
    /// "Technical Report". UTF-8 is kept; only BibTeX's own special characters are escaped.
    static func bibTeX(_ record: CitationRecord) -> String {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        var fields: [(String, String)] = [
            ("author", "{" + record.authors.map { bibEscape($0.inverted) }.joined(separator: " and ") + "}"),
            ("title", "{{" + bibEscape(record.fullTitle) + "}}"),
            ("institution", "{" + bibEscape(record.institution) + "}"),
            ("type", "{" + bibEscape(record.reportType) + "}"),
        ]
        if let number = record.number { fields.append(("number", "{\(number)}")) }
        if let place = record.place { fields.append(("address", "{" + bibEscape(place) + "}")) }
        fields.append(("year", "{\(record.date.year)}"))
        if let month = record.date.month { fields.append(("month", months[month - 1])) }
        if let doi = record.doi { fields.append(("doi", "{" + bibEscape(doi) + "}")) }
        fields.append(("url", "{" + record.pageURL + "}"))
        fields.append(("language", "{" + babelName(record.primaryLanguage) + "}"))
        if !record.keywords.isEmpty {
            fields.append(("keywords", "{" + bibEscape(record.keywords.joined(separator: ", ")) + "}"))
        }
        if let license = record.license { fields.append(("copyright", "{" + bibEscape(license.name) + "}")) }
        let width = fields.map(\.0.count).max() ?? 0
        let body = fields.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + " = " + $0.1 }
        return "@techreport{\(citationKey(record)),\n" + body.joined(separator: ",\n") + "\n}\n"
    }

    /// `zekovic2025integrationschampions`: family name, year, first title word, ASCII only.
    static func citationKey(_ record: CitationRecord) -> String {
        let family = Slugify.fileName(record.authors.first?.family ?? "brief").replacingOccurrences(of: "-", with: "")
        let word = Slugify.firstWord(record.title)
        guard !word.isEmpty else { return "\(family)\(record.date.year)\(record.slug)" }
        return "\(family)\(record.date.year)\(word)"
    }

    static func bibEscape(_ text: String) -> String {
        // Most values have none of BibTeX's special characters.
        let special = text.utf8.contains { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "%"), UInt8(ascii: "&"),
                 UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "^"): true
            default: false
            }
        }
        guard special else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "%", "&", "$", "#", "_": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(character)
            }
        }
        return result
    }

    static func babelName(_ language: String) -> String {
        ["de": "german", "en": "english", "fr": "french", "es": "spanish", "it": "italian"][language] ?? language
    }

    // MARK: - RIS

    /// RIS as Zotero reads reports: `TY  - RPRT` first, `ER  - ` last, one `AU` per author, CRLF.
    static func ris(_ record: CitationRecord) -> String {
        var lines = ["TY  - RPRT"]
        for author in record.authors { lines.append("AU  - " + author.inverted) }
        lines.append("TI  - " + record.fullTitle)
        if let series = record.series { lines.append("T2  - " + series) }
        lines.append("M3  - " + record.reportType)
        if let number = record.number { lines.append("SN  - \(number)") }
        lines.append("PB  - " + record.institution)
        if let place = record.place { lines.append("CY  - " + place) }
        lines.append("PY  - \(record.date.year)")
        lines.append("DA  - " + risDate(record.date))
        if let doi = record.doi { lines.append("DO  - " + doi) }
        lines.append("UR  - " + record.pageURL)
        if let pdf = record.pdfURL { lines.append("L1  - " + pdf) }
        lines.append("LA  - " + record.language)
        for keyword in record.keywords { lines.append("KW  - " + keyword) }
        if let abstract = record.abstract { lines.append("AB  - " + abstract) }
        if let license = record.license { lines.append("C1  - " + license.url) }
        lines.append("ER  - ")
        // A line break inside a value would end the field early.
        return lines.map { line in
            line.utf8.contains { $0 == 0x0A || $0 == 0x0D }
                ? String(decoding: line.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self) : line
        }.joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYY/MM/DD/`, with unknown parts left empty as the RIS spec allows.
    static func risDate(_ date: BriefDate) -> String {
        let month = date.month.map { $0.zeroPadded(2) } ?? ""
        let day = date.day.map { $0.zeroPadded(2) } ?? ""
        return "\(date.year)/\(month)/\(day)/"
    }

    // MARK: - CSL-JSON

    /// An array with one `report` item; `DOI` bare, `issued` as integer date parts.
    static func cslJSON(_ record: CitationRecord) -> String {
        func dateParts(_ date: BriefDate) -> JSON {
            .object(["date-parts": .array([.array([date.year, date.month, date.day].compactMap { $0.map(JSON.int) })])])
        }
        let authors: [JSON] = record.authors.map { author in
            .object(["family": .string(author.family), "given": author.given.map(JSON.string)])
        }
        let item: JSON = .object([
            "id": .string(record.doi ?? record.slug),
            "type": "report",
            "title": .string(record.fullTitle),
            "author": .array(authors),
            "issued": dateParts(record.date),
            "publisher": .string(record.institution),
            "genre": .string(record.reportType),
            "URL": .string(record.pageURL),
            "language": .string(record.language),
            "DOI": record.doi.map(JSON.string),
            "publisher-place": record.place.map(JSON.string),
            "number": record.number.map { .string(String($0)) },
            "collection-title": record.series.map(JSON.string),
            "abstract": record.abstract.map(JSON.string),
            "keyword": record.keywords.isEmpty ? nil : .string(record.keywords.joined(separator: ", ")),
            "available-date": record.updated.map(dateParts),
        ])
        return JSON.array([item]).text(pretty: true) + "\n"
    }
}
