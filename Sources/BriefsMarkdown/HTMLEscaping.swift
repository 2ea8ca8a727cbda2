/// Escaping for text and attribute values, and the scheme check for destinations.
enum HTMLEscaping {
    /// Escapes `& < > "`, enough for text and for double-quoted attribute values.
    static func escape(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Schemes that run script when a link is followed or an image is loaded.
    private static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// Whether a destination would run script, judged the way a browser's URL parser
    /// reads it: leading spaces and control characters are skipped, tabs and line
    /// breaks anywhere are ignored (`java&#9;script:` is still `javascript:`), case is ignored.
    static func isUnsafe(destination: String) -> Bool {
        var scheme = String.UnicodeScalarView()
        var started = false
        for scalar in destination.unicodeScalars {
            if !started && scalar.value <= 0x20 { continue }
            started = true
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scalar == ":" {
                return unsafeSchemes.contains(String(scheme).lowercased())
            }
            scheme.append(scalar)
            // No scheme is this long; it is a path that happens to contain a colon later.
            if scheme.count > 32 { return false }
        }
        return false
    }

    /// The language class for a fenced code block: the info string's first word, reduced
    /// to characters that are safe and meaningful in a class name (`c++`, `objective-c`).
    static func languageClass(info: String) -> String? {
        guard let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first else { return nil }
        let kept = word.unicodeScalars.filter { scalar in
            (scalar.isASCII && scalar.properties.isAlphabetic)
                || ("0"..."9").contains(scalar)
                || "-_+.#".unicodeScalars.contains(scalar)
        }
        return kept.isEmpty ? nil : "language-" + String(String.UnicodeScalarView(kept))
    }
}
