/// The typography rules, applied in one left-to-right pass over the UTF-8 bytes of a block.
///
/// Only five ASCII characters can start a rule (`.` `-` `"` `'` and the space), so text between
/// them is copied in runs; neighbours are decoded only around those characters. The first
/// version decoded every scalar into arrays and cost as much as the rest of a brief's Markdown.
struct TypographyEngine {
    /// All segments' text, one after another.
    private let bytes: [UInt8]
    /// Where each segment ends in `bytes`.
    private let ends: [Int]
    /// The segments as given: their texts come back where nothing changed, without decoding
    /// the bytes again. (Kept whole rather than split into arrays of texts and flags: this
    /// runs for every paragraph, and each array was an allocation.)
    private let segments: [TypographySegment]
    private let language: TypographyLanguage
    /// The last scalar written, after replacement: „ opens, “ closes.
    private var previousOutput: Unicode.Scalar?
    /// Open single quotes, so `'Wort'` closes but `Jones'` is an apostrophe.
    private var openSingleQuotes = 0

    init(segments: [TypographySegment], language: TypographyLanguage) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        bytes.reserveCapacity(segments.reduce(0) { $0 + $1.text.utf8.count })
        ends.reserveCapacity(segments.count)
        for segment in segments {
            bytes.append(contentsOf: segment.text.utf8)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
        self.segments = segments
        self.language = language
    }

    mutating func run() -> [String] {
        var outputs: [String] = []
        outputs.reserveCapacity(ends.count)
        var start = 0
        for (segment, end) in ends.enumerated() {
            if segments[segment].isMutable, let changed = typeset(from: start, to: end) {
                outputs.append(changed)
            } else {
                outputs.append(segments[segment].text)
                if !segments[segment].isMutable, end > start { previousOutput = scalar(before: end) }
            }
            start = end
        }
        return outputs
    }

    /// One mutable segment, `bytes[start..<end]`; `nil` when nothing in it changes.
    private mutating func typeset(from start: Int, to end: Int) -> String? {
        var output: [UInt8] = []
        var copied = start
        var index = start
        while index < end {
            index = nextTrigger(from: index, to: end)
            guard index < end else { break }
            let byte = bytes[index]
            // The text copied since the last replacement counts as written: quotes look at it.
            if copied < index, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                previousOutput = scalar(before: index)
            }
            guard let (replacement, consumed) = rule(at: index, segmentEnd: end) else {
                index += 1
                continue
            }
            if output.isEmpty { output.reserveCapacity(end - start + 16) }
            output.append(contentsOf: bytes[copied..<index])
            Self.append(replacement, to: &output)
            previousOutput = replacement
            index += consumed
            copied = index
        }
        if copied == start {
            // Nothing replaced: the text as it was.
            if end > start { previousOutput = scalar(before: end) }
            return nil
        }
        output.append(contentsOf: bytes[copied..<end])
        if end > copied { previousOutput = scalar(before: end) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The first byte from `start` on that may start a rule, or `end`. Most triggers are
    /// spaces after a letter, which never change (see `needsNonBreakingSpace`): passed over
    /// here. On the buffer, without bounds checks: this loop sees every byte of every text.
    private func nextTrigger(from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < end {
                let byte = buffer[index]
                if byte == UInt8(ascii: " ") {
                    guard index > 0 else { return index }
                    let previousByte = buffer[index - 1]
                    if previousByte < 0x80, previousByte != UInt8(ascii: "."), !(0x30...0x39).contains(previousByte) {
                        index += 1
                        continue
                    }
                    return index
                }
                if Self.isTrigger(byte) { return index }
                index += 1
            }
            return end
        }
    }

    private static func isTrigger(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: " ")
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.isASCII {
            output.append(UInt8(scalar.value))
        } else {
            output.append(contentsOf: String(scalar).utf8)
        }
    }

    // MARK: Rules

    /// The replacement for the trigger at `index` and how many bytes it replaces, or `nil` to
    /// keep it.
    private mutating func rule(at index: Int, segmentEnd: Int) -> (Unicode.Scalar, Int)? {
        switch bytes[index] {
        case UInt8(ascii: "."):
            guard isRun(of: UInt8(ascii: "."), at: index, length: 3, segmentEnd: segmentEnd) else { return nil }
            return ("\u{2026}", 3)
        case UInt8(ascii: "-"):
            return dash(at: index, segmentEnd: segmentEnd)
        case UInt8(ascii: "\"") where language != .other:
            return (isOpeningContext ? openingDouble : closingDouble, 1)
        case UInt8(ascii: "'") where language != .other:
            return (singleQuote(at: index), 1)
        case UInt8(ascii: " ") where language != .other:
            return needsNonBreakingSpace(at: index) ? ("\u{00A0}", 1) : nil
        default:
            return nil
        }
    }

    /// ` - ` and ` -- ` between spaces, and `--` between digits, become an en dash.
    private func dash(at index: Int, segmentEnd: Int) -> (Unicode.Scalar, Int)? {
        let before = scalar(before: index)
        if isRun(of: UInt8(ascii: "-"), at: index, length: 2, segmentEnd: segmentEnd), byte(at: index + 2) != UInt8(ascii: "-") {
            let after = scalar(at: index + 2)
            if before.map(isDigit) == true && after.map(isDigit) == true { return ("\u{2013}", 2) }
            if before.map(isSpace) == true && after.map(isSpace) == true { return ("\u{2013}", 2) }
        }
        if before.map(isSpace) == true && scalar(at: index + 1).map(isSpace) == true {
            return ("\u{2013}", 1)
        }
        return nil
    }

    private mutating func singleQuote(at index: Int) -> Unicode.Scalar {
        let before = scalar(before: index)
        let after = scalar(at: index + 1)
        // Inside a word: geht's, don't, 80's.
        if before.map(isWordCharacter) == true && after.map(isWordCharacter) == true { return "\u{2019}" }
        if isOpeningContext {
            // '90s: an elided century, not a quotation.
            if after.map(isDigit) == true, let second = scalar(after: index + 1, skipping: 1), isDigit(second),
               scalar(after: index + 1, skipping: 2).map(isDigit) != true {
                return "\u{2019}"
            }
            openSingleQuotes += 1
            return language == .german ? "\u{201A}" : "\u{2018}"
        }
        if openSingleQuotes > 0 {
            openSingleQuotes -= 1
            return language == .german ? "\u{2018}" : "\u{2019}"
        }
        return "\u{2019}"  // after a word: Jones'
    }

    /// S. 12, Nr. 3, § 3, 10 %, z. B.: line breaks there strand a number or a letter.
    private func needsNonBreakingSpace(at index: Int) -> Bool {
        guard index > 0 else { return false }
        // Most spaces follow a letter: decide on the byte before without decoding anything.
        let previousByte = bytes[index - 1]
        if previousByte < 0x80, previousByte != UInt8(ascii: "."), !(0x30...0x39).contains(previousByte) { return false }
        guard let before = scalar(before: index), let after = scalar(at: index + 1) else { return false }
        if isDigit(before) && (after == "%" || after == "\u{2030}") { return true }
        if before == "\u{00A7}" && isDigit(after) { return true }
        // After every sentence: the word before the full stop is looked at only when what
        // follows could make it an abbreviation.
        guard before == "." else { return false }
        if isDigit(after) {
            guard let word = word(endingBefore: index - 1) else { return false }
            return Self.numberAbbreviations.contains(word)
        }
        // z. B., d. h., u. a.: a one-letter abbreviation followed by another.
        guard isLetter(after), scalar(after: index + 1, skipping: 1) == ".",
              scalar(after: index + 1, skipping: 2).map(isLetter) != true,
              let word = word(endingBefore: index - 1) else { return false }
        return word.unicodeScalars.count == 1
    }

    /// Abbreviations that stand before a number (German and English).
    private static let numberAbbreviations: Set<String> = [
        "S", "Nr", "Abs", "Art", "Bd", "Kap", "Ziff", "Fn", "Abb", "Tab", "Anm", "Jg", "Vol",
        "p", "pp", "No", "Fig", "Sec", "ch", "para",
    ]

    // MARK: Context

    private var openingDouble: Unicode.Scalar { language == .german ? "\u{201E}" : "\u{201C}" }
    private var closingDouble: Unicode.Scalar { language == .german ? "\u{201C}" : "\u{201D}" }

    /// A quote opens at the start of a block, after a space, a bracket, a dash, a slash
    /// or another opening quote; everywhere else it closes.
    private var isOpeningContext: Bool {
        guard let previous = previousOutput else { return true }
        if isSpace(previous) { return true }
        switch previous {
        case "(", "[", "{", "<", "/", "-", "\u{2013}", "\u{2014}":
            return true
        case "\u{201E}", "\u{201A}":
            return language == .german
        case "\u{201C}", "\u{2018}":
            return language == .english
        default:
            return false
        }
    }

    // MARK: Bytes and scalars

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The scalar that starts at byte `index`.
    private func scalar(at index: Int) -> Unicode.Scalar? {
        decode(at: index)?.scalar
    }

    /// The scalar `count` scalars after the one that starts at `index`.
    private func scalar(after index: Int, skipping count: Int) -> Unicode.Scalar? {
        var position = index
        for _ in 0..<count {
            guard let (_, length) = decode(at: position) else { return nil }
            position += length
        }
        return scalar(at: position)
    }

    private func decode(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    /// The scalar that ends just before byte `index`.
    private func scalar(before index: Int) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start)
    }

    /// Whether `length` copies of `byte` start at `index`, all inside this (mutable) segment.
    private func isRun(of byte: UInt8, at index: Int, length: Int, segmentEnd: Int) -> Bool {
        let end = index + length
        guard end <= segmentEnd else { return false }
        return (index..<end).allSatisfy { bytes[$0] == byte }
    }

    /// The run of letters that ends just before byte `index`, if a non-letter precedes it.
    private func word(endingBefore index: Int) -> String? {
        var start = index
        while start > 0, let previous = scalar(before: start), isLetter(previous) {
            start -= String(previous).utf8.count
        }
        guard start < index else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x30...0x39).contains(scalar.value) }
        return scalar.properties.numericType == .decimal
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
        return scalar.properties.isAlphabetic
    }

    private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || isDigit(scalar) }
}
