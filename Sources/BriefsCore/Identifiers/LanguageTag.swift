import Foundation

/// BCP 47 language tags in the forms briefs use: a 2-3 letter language, optional script, region
/// or variant subtags (`de`, `en-GB`, `de-AT`, `sr-Latn`).
public enum LanguageTag {
    /// The tag in canonical case (`de-AT`), or `nil` if it is not well-formed.
    public static func normalize(_ text: String) -> String? {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var result = [language.lowercased()]
        for part in parts.dropFirst() {
            guard (2...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            else { return nil }
            switch part.count {
            case 2 where part.allSatisfy(\.isLetter): result.append(part.uppercased())
            case 4 where part.allSatisfy(\.isLetter): result.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            default: result.append(part.lowercased())
            }
        }
        return result.joined(separator: "-")
    }
}
