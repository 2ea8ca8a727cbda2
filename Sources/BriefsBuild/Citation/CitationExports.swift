import BriefsCore
import Foundation

/// The download formats of the "Cite" box: BibTeX, RIS and CSL-JSON, from the one record.
enum CitationExports {
    static func files(for record: CitationRecord) -> [OutputFile] {
        let folder = "briefs/\(record.slug)/\(record.slug)"
        return [
            OutputFile(path: folder + ".bib", content: .bytes(bibTeX(record))),
            OutputFile(path: folder + ".ris", content: .bytes(ris(record))),
            OutputFile(path: folder + ".json", content: .bytes(cslJSON(record))),
        ]
    }

    // MARK: - BibTeX

    /// `@techreport`, which BibTeX and BibLaTeX both know; `type` prints the genre instead of
    /// "Technical Report". UTF-8 is kept; only BibTeX's own special characters are escaped.
    /// Built as bytes: as `String`s joined from pieces, these few hundred bytes cost as much as
    /// rendering a page's section.
    static func bibTeX(_ record: CitationRecord) -> [UInt8] {
        let months: [StaticString] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        var out = TextBuffer(capacity: 1024)
        out.append("@techreport{")
        out.append(citationKey(record))
        /// `,` and `  name        = `: names padded to the longest, `institution`, which every entry has.
        func field(_ name: StaticString) {
            out.append(",\n  ")
            out.append(name)
            out.append(UInt8(ascii: " "), count: 11 - name.utf8CodeUnitCount)
            out.append(" = ")
        }
        /// A field whose value is `{value}` with BibTeX's special characters escaped.
        func field(_ name: StaticString, braced value: String) {
            field(name)
            out.append("{")
            out.appendBibEscaped(value)
            out.append("}")
        }
        field("author")
        out.append("{")
        for (index, author) in record.authors.enumerated() {
            if index > 0 { out.append(" and ") }
            out.appendBibEscaped(author.inverted)
        }
        out.append("}")
        field("title")
        out.append("{{")
        out.appendBibEscaped(record.fullTitle)
        out.append("}}")
        field("institution", braced: record.institution)
        field("type", braced: record.reportType)
        if let number = record.number {
            field("number")
            out.append("{\(number)}")
        }
        if let place = record.place { field("address", braced: place) }
        field("year")
        out.append("{\(record.date.year)}")
        if let month = record.date.month {
            field("month")
            out.append(months[month - 1])
        }
        if let doi = record.doi { field("doi", braced: doi) }
        field("url")
        out.append("{" + record.pageURL + "}")
        field("language")
        out.append("{" + babelName(record.primaryLanguage) + "}")
        if !record.keywords.isEmpty { field("keywords", braced: record.keywords.joined(separator: ", ")) }
        if let license = record.license { field("copyright", braced: license.name) }
        out.append("\n}\n")
        return out.bytes
    }

    /// `zekovic2025integrationschampions`: family name, year, first title word, ASCII only.
    static func citationKey(_ record: CitationRecord) -> String {
        let family = String(decoding: Slugify.fileName(record.authors.first?.family ?? "brief").utf8.filter { $0 != UInt8(ascii: "-") },
                            as: UTF8.self)
        let word = Slugify.firstWord(record.title)
        guard !word.isEmpty else { return "\(family)\(record.date.year)\(record.slug)" }
        return "\(family)\(record.date.year)\(word)"
    }

    static func babelName(_ language: String) -> String {
        switch language {
        case "de": "german"
        case "en": "english"
        case "fr": "french"
        case "es": "spanish"
        case "it": "italian"
        default: language
        }
    }

    // MARK: - RIS

    /// RIS as Zotero reads reports: `TY  - RPRT` first, `ER  - ` last, one `AU` per author, CRLF.
    static func ris(_ record: CitationRecord) -> [UInt8] {
        var out = TextBuffer(capacity: 1024)
        /// One `TAG  - value` line; a line break inside a value would end the field early.
        func line(_ tag: StaticString, _ value: String) {
            out.append(tag)
            out.append("  - ")
            var value = value
            value.withUTF8 { out.appendEscaping(utf8: $0, LineBreakSpacer.self) }
            out.append("\r\n")
        }
        out.append("TY  - RPRT\r\n")
        for author in record.authors { line("AU", author.inverted) }
        line("TI", record.fullTitle)
        if let series = record.series { line("T2", series) }
        line("M3", record.reportType)
        if let number = record.number { line("SN", String(number)) }
        line("PB", record.institution)
        if let place = record.place { line("CY", place) }
        line("PY", String(record.date.year))
        line("DA", risDate(record.date))
        if let doi = record.doi { line("DO", doi) }
        line("UR", record.pageURL)
        if let pdf = record.pdfURL { line("L1", pdf) }
        line("LA", record.language)
        for keyword in record.keywords { line("KW", keyword) }
        if let abstract = record.abstract { line("AB", abstract) }
        if let license = record.license { line("C1", license.url) }
        out.append("ER  - \r\n")
        return out.bytes
    }

    /// `YYYY/MM/DD/`, with unknown parts left empty as the RIS spec allows.
    static func risDate(_ date: BriefDate) -> String {
        let month = date.month.map { $0.zeroPadded(2) } ?? ""
        let day = date.day.map { $0.zeroPadded(2) } ?? ""
        return "\(date.year)/\(month)/\(day)/"
    }

    // MARK: - CSL-JSON

    /// An array with one `report` item; `DOI` bare, `issued` as integer date parts.
    static func cslJSON(_ record: CitationRecord) -> [UInt8] {
        func dateParts(_ date: BriefDate) -> JSON {
            .object(["date-parts": .array([.array([date.year, date.month, date.day].compactMap { $0.map(JSON.int) })])])
        }
        let authors: [JSON] = record.authors.map { author in
            .object(["family": .string(author.family), "given": author.given.map(JSON.string)])
        }
        // Keys in the order they are written (see `JSONWriter.sorted`).
        let item: JSON = .object([
            "abstract": record.abstract.map(JSON.string),
            "author": .array(authors),
            "available-date": record.updated.map(dateParts),
            "collection-title": record.series.map(JSON.string),
            "DOI": record.doi.map(JSON.string),
            "genre": .string(record.reportType),
            "id": .string(record.doi ?? record.slug),
            "issued": dateParts(record.date),
            "keyword": record.keywords.isEmpty ? nil : .string(record.keywords.joined(separator: ", ")),
            "language": .string(record.language),
            "number": record.number.map { .string(String($0)) },
            "publisher": .string(record.institution),
            "publisher-place": record.place.map(JSON.string),
            "title": .string(record.fullTitle),
            "type": "report",
            "URL": .string(record.pageURL),
        ])
        return JSON.array([item]).bytes(pretty: true) + [UInt8(ascii: "\n")]
    }
}

/// RIS values: a line break becomes a space (it would end the field early).
enum LineBreakSpacer: ByteEscaper {
    typealias Specials = ControlSpecials
    static var longestEscape: Int { 1 }
    @inline(__always)
    static func isReplaced(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = 0x20
        return 1
    }
    static let table = EscapeTable(Self.self)
}
