/// Turns heading text into a fragment id editors can type and link to.
public enum Slug {
    /// The slug of `text`: letters and digits of any script, lower-cased; whitespace,
    /// hyphens, dashes and underscores become single `-`; other punctuation is dropped.
    ///
    /// `"Wohnungsmarkt im ländlichen Raum"` → `"wohnungsmarkt-im-ländlichen-raum"`.
    /// Text without letters or digits gives `"section"`, so an id is never empty.
    public static func make(_ text: String) -> String {
        let slug = sanitize(text)
        return slug.isEmpty ? "section" : slug
    }

    /// Like ``make(_:)`` but returns an empty string when nothing is left, so callers
    /// can choose their own fallback (footnotes fall back to their number).
    static func sanitize(_ text: String) -> String {
        // ASCII scalars byte by byte; only the others are lower-cased and looked up in the
        // Unicode tables (as `String.lowercased()` does, one scalar at a time). Lower-casing
        // the whole heading first cost more than the rest of its slug.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingSeparator && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                    pendingSeparator = false
                    result.append(lower)
                } else if lower == 0x20 || (lower >= 0x09 && lower <= 0x0D) || lower == UInt8(ascii: "_") || lower == UInt8(ascii: "-") {
                    pendingSeparator = true
                }
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if isKept(lower, attachesToLetter: !pendingSeparator && !result.isEmpty) {
                    if pendingSeparator && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                    pendingSeparator = false
                    UTF8.encode(lower) { result.append($0) }
                } else if isSeparator(lower) {
                    pendingSeparator = true
                }
                // Anything else is punctuation or a symbol: dropped without a separator, so
                // "Wohnungs(markt)" stays one word.
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isKept(_ scalar: Unicode.Scalar, attachesToLetter: Bool) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber:
            return true
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // Combining marks belong to the letter before them (decomposed "ä").
            return attachesToLetter
        default:
            return false
        }
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        // Dashes count as separators so "1990–2000" and "1990--2000" give the same slug,
        // whether or not typography has already run.
        scalar.properties.isWhitespace
            || scalar == "_"
            || scalar.properties.generalCategory == .dashPunctuation
    }
}
