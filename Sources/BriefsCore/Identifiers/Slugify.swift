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
        let replacements: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"]
        var result = ""
        for character in text {
            if let replacement = replacements[character] {
                result += replacement
                continue
            }
            let folded = String(character).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if !result.isEmpty, result.last != "-" {
                    result += "-"
                }
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }
}
