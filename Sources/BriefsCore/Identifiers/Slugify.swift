import Foundation

/// Slugs for file names: lower-case ASCII letters, digits and hyphens.
public enum Slugify {
    /// Whether `slug` may be a brief's file name and address.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.first != "-" && slug.last != "-"
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A valid file name close to `text`, for suggestions ("Wohnen im Alter" → `wohnen-im-alter`).
    public static func fileName(_ text: String) -> String {
        fileName(text, firstWordOnly: false)
    }

    /// The first word of ``fileName(_:)`` (`"Wohnen im Alter"` → `wohnen`), without folding
    /// the rest of the text.
    public static func firstWord(_ text: String) -> String {
        fileName(text, firstWordOnly: true)
    }

    /// German letters written out, as people spell them in addresses (built once: a dictionary
    /// literal in the function was built again on every call).
    private static let replacements: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"]

    private static func fileName(_ text: String, firstWordOnly: Bool) -> String {
        var result = ""
        for character in text {
            // ASCII needs no folding (Foundation's folding costs microseconds per character).
            if let ascii = character.asciiValue {
                let lower = ascii | (ascii >= 0x41 && ascii <= 0x5A ? 0x20 : 0)
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                    result.unicodeScalars.append(Unicode.Scalar(lower))
                } else if !result.isEmpty, result.last != "-" {
                    if firstWordOnly { return result }
                    result += "-"
                }
                continue
            }
            if let replacement = replacements[character] {
                result += replacement
                continue
            }
            let folded = String(character).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if !result.isEmpty, result.last != "-" {
                    if firstWordOnly { return result }
                    result += "-"
                }
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }
}
