import Foundation

/// Rogue Scholar style DOI suffixes (`v2gec-5xt36`): a random number in Crockford base32 with an
/// ISO 7064 MOD 97-10 checksum, as commonmeta encodes and validates them.
public enum RogueDOI {
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
    /// Prefixes Rogue Scholar registers DOIs under (commonmeta `is_rogue_scholar_doi`).
    public static let prefixes: Set<String> = [
        "10.13003", "10.53731", "10.54900", "10.59347", "10.59348", "10.59349", "10.59350", "10.63485", "10.63517",
        "10.64000", "10.64395", "10.65527",
    ]

    static func checksum(_ number: UInt64) -> Int { Int(98 - (100 * (number % 97)) % 97) }

    /// The suffix for `number`: 8 base32 digits, 2 checksum digits, a hyphen after five.
    public static func encode(_ number: UInt64) -> String {
        var digits: [Character] = []
        var rest = number
        repeat {
            digits.append(alphabet[Int(rest % 32)])
            rest /= 32
        } while rest > 0
        while digits.count < 8 { digits.append("0") }
        let body = String(digits.reversed()) + String(format2: checksum(number))
        return String(body.prefix(5)) + "-" + String(body.dropFirst(5))
    }

    /// A fresh suffix from 40 random bits (never 0, which validators reject).
    public static func generate<R: RandomNumberGenerator>(using generator: inout R) -> String {
        encode(UInt64.random(in: 1..<(1 << 40), using: &generator))
    }

    /// Whether a suffix looks like one of these (letters and digits in hyphen-separated groups),
    /// so a checksum failure is a typo rather than a different naming scheme.
    public static func looksEncoded(_ suffix: String) -> Bool {
        // On bytes: the groups are ASCII letters and digits, so anything else is no such suffix.
        var groupLengths: [Int] = [0]
        var hasDigit = false
        for byte in suffix.utf8 {
            if byte == UInt8(ascii: "-") {
                groupLengths.append(0)
                continue
            }
            let lower = byte | 0x20
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isDigit || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) else { return false }
            hasDigit = hasDigit || isDigit
            groupLengths[groupLengths.count - 1] += 1
        }
        return groupLengths.count == 2 && groupLengths.allSatisfy { (4...5).contains($0) } && hasDigit
    }

    public enum DecodeError: Error, Equatable, Sendable {
        case tooShort, invalidCharacter(Character), badChecksum(expected: Int, found: Int), zero

        public var reason: String {
            switch self {
            case .tooShort: "is too short for an encoded DOI suffix"
            case .invalidCharacter(let character): "contains '\(character)', which is not a Crockford base32 letter"
            case .badChecksum(let expected, let found):
                "ends in the checksum \(String(format2: found)), but its other characters give \(String(format2: expected)): probably a typo"
            case .zero: "encodes the number 0, which is never issued"
            }
        }
    }

    /// The number a suffix encodes, after checking its checksum (commonmeta's `decode`).
    public static func decode(_ suffix: String) -> Result<UInt64, DecodeError> {
        if let number = decodeValidASCII(suffix) { return .success(number) }
        return decodeCharacters(suffix)
    }

    /// `decode` character by character, with the reason when the suffix is not valid.
    static func decodeCharacters(_ suffix: String) -> Result<UInt64, DecodeError> {
        // Crockford base32 reads i and l as 1 and o as 0; hyphens only group the characters.
        let characters: [Character] = suffix.lowercased().compactMap { character in
            switch character {
            case "-": nil
            case "i", "l": "1"
            case "o": "0"
            default: character
            }
        }
        guard characters.count >= 3 else { return .failure(.tooShort) }
        let checkDigits = characters.suffix(2)
        guard checkDigits.allSatisfy(\.isASCIIDigit), let found = Int(String(checkDigits)) else {
            return .failure(.invalidCharacter(checkDigits.first { !$0.isASCIIDigit } ?? "?"))
        }
        var number: UInt64 = 0
        for character in characters.dropLast(2) {
            guard let digit = alphabet.firstIndex(of: character) else { return .failure(.invalidCharacter(character)) }
            guard number < (UInt64.max - 31) / 32 else { return .failure(.tooShort) }
            number = number * 32 + UInt64(digit)
        }
        guard number != 0 else { return .failure(.zero) }
        let expected = checksum(number)
        guard expected == found else { return .failure(.badChecksum(expected: expected, found: found)) }
        return .success(number)
    }
}

extension RogueDOI {
    /// Crockford base32 digit values by byte (lower case, `i l o` read as `1 1 0`), -1 for others.
    private static let digitValues: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (value, character) in alphabet.enumerated() {
            if let byte = character.asciiValue { values[Int(byte)] = Int8(value) }
        }
        values[Int(UInt8(ascii: "i"))] = 1
        values[Int(UInt8(ascii: "l"))] = 1
        values[Int(UInt8(ascii: "o"))] = 0
        return values
    }()

    /// `decode` on bytes for a suffix that is ASCII and valid; `nil` for anything else, which
    /// `decode` then reads character by character to say what is wrong.
    static func decodeValidASCII(_ suffix: String) -> UInt64? {
        var digits: [Int8] = []
        digits.reserveCapacity(suffix.utf8.count)
        var checkDigits: [UInt8] = []
        for byte in suffix.utf8 where byte != UInt8(ascii: "-") {
            guard byte < 0x80 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            digits.append(digitValues[Int(lower)])
            checkDigits.append(lower)
        }
        guard digits.count >= 3 else { return nil }
        let tens = checkDigits[checkDigits.count - 2], ones = checkDigits[checkDigits.count - 1]
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(tens), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ones) else {
            return nil
        }
        let found = Int(tens - UInt8(ascii: "0")) * 10 + Int(ones - UInt8(ascii: "0"))
        var number: UInt64 = 0
        for digit in digits.dropLast(2) {
            guard digit >= 0, number < (UInt64.max - 31) / 32 else { return nil }
            number = number * 32 + UInt64(digit)
        }
        guard number != 0, checksum(number) == found else { return nil }
        return number
    }
}

extension String {
    /// Two decimal digits, zero-padded (`5` → `05`).
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
