import Foundation

/// ROR IDs: `0`, six Crockford base32 characters and a two-digit ISO 7064 MOD 97-10 checksum.
public enum ROR {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// The full URL (`https://ror.org/00a208s56`), or why the value is not a ROR ID.
    public static func normalize(_ text: String) -> Result<String, InvalidIdentifier> {
        var value = text.trimmingSpaces()
        if value.lowercased().hasPrefix("http://ror.org/") {
            return .failure(InvalidIdentifier("must use https://ror.org/, not http://"))
        }
        for prefix in ["https://ror.org/", "ror.org/"] where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
            break
        }
        value = value.lowercased()
        let characters = Array(value)
        guard characters.count == 9 else {
            return .failure(InvalidIdentifier("must be 9 characters after https://ror.org/, like 00a208s56"))
        }
        guard characters[0] == "0" else { return .failure(InvalidIdentifier("must start with 0")) }
        var number = 0
        for character in characters[0..<7] {
            guard let digit = alphabet.firstIndex(of: character) else {
                return .failure(InvalidIdentifier("contains '\(character)', which ROR IDs do not use (no i, l, o, u)"))
            }
            number = number * 32 + digit
        }
        guard characters[7...].allSatisfy(\.isASCIIDigit), let checksum = Int(String(characters[7...])) else {
            return .failure(InvalidIdentifier("must end in two digits"))
        }
        guard checksum == 98 - (100 * number) % 97 else {
            return .failure(InvalidIdentifier("has a wrong checksum; is there a typo?"))
        }
        return .success("https://ror.org/" + value)
    }
}
