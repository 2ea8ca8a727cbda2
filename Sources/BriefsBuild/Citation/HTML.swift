/// Escaping for HTML text and attribute values that briefpress writes itself (head metadata,
/// citations). Templates escape on their own; this is for markup built in Swift.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `<meta name="…" content="…">`
    static func meta(name: String, _ content: String) -> String {
        "<meta name=\"\(escape(name))\" content=\"\(escape(content))\">"
    }

    /// `<meta property="…" content="…">` (Open Graph uses `property`).
    static func meta(property: String, _ content: String) -> String {
        "<meta property=\"\(escape(property))\" content=\"\(escape(content))\">"
    }
}
