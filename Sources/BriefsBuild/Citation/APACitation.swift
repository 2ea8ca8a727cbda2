import BriefsCore

/// The recommended citation in APA 7 style for reports, in the brief's language:
/// `Zekovic, D. (2025). *Titel: Untertitel* (Handlungsimpulse Nr. 7). Institution. https://doi.org/…`
/// German follows the DGPs adaptation: no comma before "&", "Nr." instead of "No.".
enum APACitation {
    /// Plain text (for the feed, tests) or HTML with the title in `<i>`.
    static func render(_ record: CitationRecord, html: Bool) -> String {
        let german = record.primaryLanguage == "de"
        func escape(_ text: String) -> String { html ? HTML.escape(text) : text }
        var text = escape(authorList(record.authors, german: german))
        text += " (\(record.date.year)). "
        let title = escape(record.fullTitle)
        text += html ? "<i>\(title)</i>" : title
        if let number = record.number {
            text += " (\(escape(record.reportType)) \(german ? "Nr." : "No.") \(number))"
        }
        text += ". "
        // APA omits the publisher when it is also the author; briefs are written by people.
        text += escape(record.institution)
        if !record.institution.hasSuffix(".") { text += "." }
        let link = record.identifierURL
        text += " " + (html ? "<a href=\"\(escape(link))\">\(escape(link))</a>" : link)
        return text
    }

    /// "Müller, A., & Schmidt, J." (en) / "Müller, A. & Schmidt, J." (de); from 21 authors on,
    /// the first 19, an ellipsis and the last (APA 7 §9.8).
    static func authorList(_ authors: [CitationRecord.Person], german: Bool) -> String {
        let names = authors.map { person in
            person.given.map { "\(person.family), \(initials($0))" } ?? person.family
        }
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return names[0] + (german ? " & " : ", & ") + names[1]
        case 3...20:
            return names.dropLast().joined(separator: ", ") + (german ? " & " : ", & ") + (names.last ?? "")
        default:
            return names.prefix(19).joined(separator: ", ") + ", … " + (names.last ?? "")
        }
    }

    /// "Hans-Peter Maria" → "H.-P. M."
    static func initials(_ given: String) -> String {
        given.split(separator: " ").map { word in
            word.split(separator: "-").compactMap { part in part.first.map { "\($0)." } }.joined(separator: "-")
        }.joined(separator: " ")
    }
}
