import Foundation

/// ORCID iDs: 16 characters in groups of four, the last an ISO 7064 MOD 11-2 check character.
public enum ORCID {
    /// The bare iD (`0000-0002-1825-0097`), or why it is not one.
    public static func normalize(_ text: String) -> Result<String, InvalidIdentifier> {
        // The usual case, a bare iD with a correct check character, checked on its bytes
        // without making anything (this ran for every author of every brief).
        if isBareValid(text) { return .success(text) }
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

    /// Whether `text` is exactly a bare iD (`0000-0002-1825-0097`) with the right check character.
    private static func isBareValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard bytes.count == 19 else { return false }
            var total = 0
            var digits = 0
            for (offset, byte) in bytes.enumerated() {
                if offset == 4 || offset == 9 || offset == 14 {
                    guard byte == UInt8(ascii: "-") else { return false }
                    continue
                }
                digits += 1
                if digits == 16 {
                    let result = checkValue(total)
                    return result == 10 ? byte == UInt8(ascii: "X") : byte == UInt8(ascii: "0") + UInt8(result)
                }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
                total = checkStep(total, Int(byte - UInt8(ascii: "0")))
            }
            return false
        }
    }

    /// ISO 7064 MOD 11-2 over the first 15 digits, as in ORCID's reference code.
    static func checkCharacter(for digits: [Int]) -> Character {
        let result = checkValue(digits.reduce(0, checkStep))
        return result == 10 ? "X" : Character(String(result))
    }

    /// One digit of ISO 7064 MOD 11-2 added to the running total.
    private static func checkStep(_ total: Int, _ digit: Int) -> Int { (total + digit) * 2 }

    /// The check value (10 is written `X`) for the total over the first 15 digits.
    private static func checkValue(_ total: Int) -> Int { (12 - total % 11) % 11 }

    /// Whether an iD lies in a block ORCID has issued (0000-0001-5000-0007 … 0000-0003-5000-0001 and
    /// 0009-0000-0000-0000 … 0009-0010-0000-0000). Outside them a valid checksum is likely a typo.
    public static func isInIssuedBlock(_ orcid: String) -> Bool {
        // Normalised iDs are ASCII, where the byte order is String's order: compared as bytes.
        if orcid.utf8.allSatisfy({ $0 < 0x80 }) {
            let digits = Array(orcid.utf8.lazy.filter { $0 != UInt8(ascii: "-") }.prefix(15))
            func within(_ low: StaticString, _ high: StaticString) -> Bool {
                let low = UnsafeBufferPointer(start: low.utf8Start, count: low.utf8CodeUnitCount)
                let high = UnsafeBufferPointer(start: high.utf8Start, count: high.utf8CodeUnitCount)
                return !digits.lexicographicallyPrecedes(low) && !high.lexicographicallyPrecedes(digits)
            }
            return within("000000015000000", "000000035000000") || within("000900000000000", "000900100000000")
        }
        let digits = String(orcid.filter { $0 != "-" })
        return ("000000015000000" ... "000000035000000").contains(String(digits.prefix(15)))
            || ("000900000000000" ... "000900100000000").contains(String(digits.prefix(15)))
    }

    public static func url(_ orcid: String) -> String { "https://orcid.org/" + orcid }
}
