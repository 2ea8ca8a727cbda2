/// Markup escaping written as plainly as it can be, one scalar at a time: what the fast escapers
/// of the renderer and the exports are compared with.
public enum ReferenceEscaping {
    /// `& < > "` escaped; `'` too when `apostrophe`; with `xml`, the control characters XML 1.0
    /// cannot carry (below U+0020 but tab, line feed and carriage return) dropped.
    public static func markup(_ text: String, apostrophe: Bool, xml: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophe: result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if xml, scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
