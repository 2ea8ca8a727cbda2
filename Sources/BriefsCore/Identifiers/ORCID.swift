import Foundation

/// ORCID iDs: 16 characters in groups of four, the last an ISO 7064 MOD 11-2 check character.
public enum ORCID {
    /// The bare iD (`0000-0002-1825-0097`), or why it is not one.
    public static func normalize(_ text: String) -> Result<String, InvalidIdentifier> {
        // The usual case, a bare iD with a correct check character, checked on its bytes.
        let bytes = Array(text.utf8)
        if bytes.count == 19, [4, 9, 14].allSatisfy({ bytes[$0] == UInt8(ascii: "-") }) {
            let characters = bytes.enumerated().filter { ![4, 9, 14].contains($0.offset) }.map(\.element)
            if characters.dropLast().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                let expected = checkCharacter(for: characters.dropLast().map { Int($0 - 0x30) })
                let last = characters[15]
                if (last >= 0x30 && last <= 0x39) || last == UInt8(ascii: "X"),
                   expected == Character(Unicode.Scalar(last)) {
                    return .success(text)
                }
            }
        }
        var value = text.trimmingSpaces()
        for prefix in ["https://orcid.org/", "http://orcid.org/", "orcid.org/"] where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
            break
        }
        value = value.uppercased()
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.count == 4, groups.allSatisfy({ $0.count == 4 }) else {
            return .failure(InvalidIdentifier("must be 16 characters in four groups, like 0000-0002-1825-0097"))
        }
        let characters = Array(groups.joined())
        guard characters.dropLast().allSatisfy(\.isASCIIDigit),
              let last = characters.last, last.isASCIIDigit || last == "X" else {
            return .failure(InvalidIdentifier("may contain only digits (and X as the last character)"))
        }
        let expected = checkCharacter(for: characters.dropLast().compactMap(\.wholeNumberValue))
        guard expected == last else {
            return .failure(InvalidIdentifier("has a wrong check digit (the last character should be \(expected)); is there a typo?"))
        }
        return .success(value)
    }

    /// ISO 7064 MOD 11-2 over the first 15 digits, as in ORCID's reference code.
    static func checkCharacter(for digits: [Int]) -> Character {
        var total = 0
        for digit in digits { total = (total + digit) * 2 }
        let result = (12 - total % 11) % 11
        return result == 10 ? "X" : Character(String(result))
    }

    /// Whether an iD lies in a block ORCID has issued (0000-0001-5000-0007 … 0000-0003-5000-0001 and
    /// 0009-0000-0000-0000 … 0009-0010-0000-0000). Outside them a valid checksum is likely a typo.
    public static func isInIssuedBlock(_ orcid: String) -> Bool {
        let digits = String(orcid.filter { $0 != "-" })
        return ("000000015000000" ... "000000035000000").contains(String(digits.prefix(15)))
            || ("000900000000000" ... "000900100000000").contains(String(digits.prefix(15)))
    }

    public static func url(_ orcid: String) -> String { "https://orcid.org/" + orcid }
}
