@testable import BriefsMarkdown

/// The first, scalar-by-scalar typography engine, kept as the reference the faster byte-based
/// one is compared with.
/// The rules, applied in one left-to-right pass over the Unicode scalars of a block.
struct ReferenceTypographyEngine {
    private let scalars: [Unicode.Scalar]
    private let mutable: [Bool]
    private let owner: [Int]
    private let language: TypographyLanguage
    private var outputs: [String.UnicodeScalarView]
    /// The last scalar written, after replacement: „ opens, “ closes.
    private var previousOutput: Unicode.Scalar?
    /// Open single quotes, so `'Wort'` closes but `Jones'` is an apostrophe.
    private var openSingleQuotes = 0

    init(segments: [TypographySegment], language: TypographyLanguage) {
        var scalars: [Unicode.Scalar] = []
        var mutable: [Bool] = []
        var owner: [Int] = []
        for (index, segment) in segments.enumerated() {
            for scalar in segment.text.unicodeScalars {
                scalars.append(scalar)
                mutable.append(segment.isMutable)
                owner.append(index)
            }
        }
        self.scalars = scalars
        self.mutable = mutable
        self.owner = owner
        self.language = language
        self.outputs = Array(repeating: String.UnicodeScalarView(), count: segments.count)
    }

    mutating func run() -> [String] {
        var index = 0
        while index < scalars.count {
            let (replacement, consumed) = mutable[index] ? rule(at: index) : ([scalars[index]], 1)
            // Scalar by scalar: `append(contentsOf:)` on a scalar view rebuilds the string.
            for scalar in replacement {
                outputs[owner[index]].append(scalar)
            }
            if let last = replacement.last { previousOutput = last }
            index += consumed
        }
        return outputs.map { String($0) }
    }

    // MARK: Rules

    private mutating func rule(at index: Int) -> ([Unicode.Scalar], Int) {
        let scalar = scalars[index]
        switch scalar {
        case ".":
            if isRun(of: ".", at: index, length: 3) { return (["\u{2026}"], 3) }
        case "-":
            if let dash = dash(at: index) { return dash }
        case "\"" where language != .other:
            return ([isOpeningContext ? openingDouble : closingDouble], 1)
        case "'" where language != .other:
            return ([singleQuote(at: index)], 1)
        case " " where language != .other:
            if needsNonBreakingSpace(at: index) { return (["\u{00A0}"], 1) }
        default:
            break
        }
        return ([scalar], 1)
    }

    /// ` - ` and ` -- ` between spaces, and `--` between digits, become an en dash.
    private func dash(at index: Int) -> ([Unicode.Scalar], Int)? {
        let before = self.scalar(at: index - 1)
        if isRun(of: "-", at: index, length: 2) && self.scalar(at: index + 2) != "-" {
            let after = self.scalar(at: index + 2)
            if before.map(isDigit) == true && after.map(isDigit) == true { return (["\u{2013}"], 2) }
            if before.map(isSpace) == true && after.map(isSpace) == true { return (["\u{2013}"], 2) }
        }
        if before.map(isSpace) == true && scalar(at: index + 1).map(isSpace) == true {
            return (["\u{2013}"], 1)
        }
        return nil
    }

    private mutating func singleQuote(at index: Int) -> Unicode.Scalar {
        let before = scalar(at: index - 1)
        let after = scalar(at: index + 1)
        // Inside a word: geht's, don't, 80's.
        if before.map(isWordCharacter) == true && after.map(isWordCharacter) == true { return "\u{2019}" }
        if isOpeningContext {
            // '90s: an elided century, not a quotation.
            if after.map(isDigit) == true && scalar(at: index + 2).map(isDigit) == true
                && scalar(at: index + 3).map(isDigit) != true {
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
        guard let before = scalar(at: index - 1), let after = scalar(at: index + 1) else { return false }
        if isDigit(before) && (after == "%" || after == "\u{2030}") { return true }
        if before == "\u{00A7}" && isDigit(after) { return true }
        guard before == ".", let word = word(endingBefore: index - 1) else { return false }
        if isDigit(after) && Self.numberAbbreviations.contains(word) { return true }
        // z. B., d. h., u. a.: a one-letter abbreviation followed by another.
        return word.unicodeScalars.count == 1 && isLetter(after) && scalar(at: index + 2) == "."
            && scalar(at: index + 3).map(isLetter) != true
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

    private func scalar(at index: Int) -> Unicode.Scalar? {
        scalars.indices.contains(index) ? scalars[index] : nil
    }

    /// Whether `length` copies of `scalar` start at `index`, all mutable and in one piece.
    private func isRun(of scalar: Unicode.Scalar, at index: Int, length: Int) -> Bool {
        let end = index + length
        guard end <= scalars.count else { return false }
        return (index..<end).allSatisfy {
            scalars[$0] == scalar && mutable[$0] && owner[$0] == owner[index]
        }
    }

    /// The run of letters that ends just before `index`, if a non-letter precedes it.
    private func word(endingBefore index: Int) -> String? {
        var start = index
        while start > 0 && isLetter(scalars[start - 1]) { start -= 1 }
        guard start < index else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.numericType == .decimal }
    private func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
    private func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || isDigit(scalar) }
}
