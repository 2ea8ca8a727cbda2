import Foundation

/// DOI syntax after Crossref: `10.<4-9 digits>/<suffix>` with approved ASCII suffix characters.
/// Stored bare and lower-case because DOIs are case-insensitive; linked as `https://doi.org/…`.
public enum DOI {
    /// Characters Crossref approves in a suffix (plus `:`, which the recommended pattern allows).
    static let suffixCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789-._;()/:")
    /// The same as ASCII bytes, by value, for checking a suffix on its bytes.
    private static let suffixBytes: [Bool] = (0..<128).map { suffixCharacters.contains(Character(Unicode.Scalar(UInt8($0)))) }

    /// The bare, lower-case DOI, or the reason (phrased to follow the value) why it is not one.
    public static func normalize(_ text: String) -> Result<String, InvalidIdentifier> {
        // The usual case, a bare lower-case DOI, checked on its bytes (the general path
        // lower-cases the text six times and looks each suffix character up in a set).
        if isBareNormalized(text) { return .success(text) }
        var value = text.trimmingSpaces()
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
            break
        }
        value = value.lowercased()
        guard value.hasPrefix("10.") else {
            return .failure(InvalidIdentifier("must start with '10.' (or https://doi.org/10.)"))
        }
        guard let slash = value.firstIndex(of: "/") else {
            return .failure(InvalidIdentifier("has no '/' between prefix and suffix"))
        }
        let registrant = value[value.index(value.startIndex, offsetBy: 3)..<slash]
        guard (4...9).contains(registrant.count), registrant.allSatisfy(\.isASCIIDigit) else {
            return .failure(InvalidIdentifier("has the prefix '\(value[..<slash])'; a DOI prefix is '10.' and 4 to 9 digits"))
        }
        let suffix = value[value.index(after: slash)...]
        guard !suffix.isEmpty else { return .failure(InvalidIdentifier("has an empty suffix after '/'")) }
        if let bad = suffix.first(where: { !suffixCharacters.contains($0) }) {
            let shown = bad.isWhitespace ? "a space" : "'\(bad)'"
            return .failure(InvalidIdentifier("contains \(shown); a DOI suffix may use only a-z, 0-9 and - . _ ; ( ) /"))
        }
        return .success(value)
    }

    /// Whether `text` is already what `normalize` makes of it: `10.`, 4 to 9 digits, `/` and a
    /// suffix of `suffixCharacters`, nothing else.
    private static func isBareNormalized(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count > 3, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "0"), bytes[2] == UInt8(ascii: ".")
            else { return false }
            var index = 3
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard (4...9).contains(index - 3), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/") else { return false }
            return bytes[(index + 1)...].allSatisfy { $0 < 0x80 && suffixBytes[Int($0)] }
        }
    }

    /// The prefix (`10.59350`) of a normalised DOI.
    public static func prefix(of doi: String) -> String {
        String(Substring(doi.utf8.prefix { $0 != UInt8(ascii: "/") }))
    }

    /// `https://doi.org/<doi>`, the form APA and commonmeta require for display and links.
    public static func url(_ doi: String) -> String { "https://doi.org/" + doi }
}

/// Why an identifier is not valid, phrased to follow the value ("… must start with '10.'").
public struct InvalidIdentifier: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
