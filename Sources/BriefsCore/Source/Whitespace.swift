/// Trimming without Foundation: `trimmingCharacters(in:)` bridges every string through
/// `NSString`, which cost more than reading the YAML it was trimming. The character classes are
/// Foundation's, so results are the same.
extension StringProtocol {
    /// Without leading and trailing whitespace and line breaks (`CharacterSet.whitespacesAndNewlines`).
    public func trimmingWhitespace() -> String { trimming(Self.isWhitespaceOrNewline) }

    /// Without leading and trailing spaces and tabs (`CharacterSet.whitespaces`).
    public func trimmingSpaces() -> String { trimming(Self.isSpace) }

    /// Without leading and trailing punctuation, spaces and tabs (`CharacterSet.punctuationCharacters`
    /// with `.whitespaces`), for cutting an excerpt at a word.
    public func trimmingPunctuationAndSpaces() -> String {
        trimming { scalar in
            if Self.isSpace(scalar) { return true }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation: return true
            default: return false
            }
        }
    }

    /// Without leading and trailing line breaks (`CharacterSet.newlines`).
    public func trimmingLineBreaks() -> String { trimming(Self.isNewline) }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let text = String(self)
        // Nearly every text starts and ends with an ASCII byte that stays (a letter, a digit, a
        // full stop): it comes back as it is without a walk over its scalars. (An ASCII byte is a
        // whole scalar, at either end.) Front matter asks this some forty times per brief.
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80,
           !isTrimmed(Unicode.Scalar(first)), !isTrimmed(Unicode.Scalar(last)) {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.index(after: last)
        if first == scalars.startIndex, end == scalars.endIndex { return text }
        return String(Substring(scalars[first..<end]))
    }

    /// Space separators (U+0020, U+00A0, U+2000…) and the tab.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// U+000A…U+000D, U+0085, U+2028 and U+2029.
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Spaces, tabs, and the line and paragraph separators U+000A…U+000D, U+0085, U+2028, U+2029.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        if scalar.value == 0x85 { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

extension Array where Element == UInt8 {
    /// `trimmingLineBreaks()` for UTF-8 text: the same line breaks (`isNewline`) cut from both
    /// ends, without making a `String` of the text.
    public func trimmingLineBreaks() -> [UInt8] {
        var start = startIndex
        var forward = makeIterator()
        var forwardParser = Unicode.UTF8.ForwardParser()
        while case .valid(let scalar) = forwardParser.parseScalar(from: &forward), String.isNewline(Unicode.UTF8.decode(scalar)) {
            start += scalar.count
        }
        var end = endIndex
        var backward = reversed().makeIterator()
        var backwardParser = Unicode.UTF8.ReverseParser()
        while end > start, case .valid(let scalar) = backwardParser.parseScalar(from: &backward),
              String.isNewline(Unicode.UTF8.decode(scalar)) {
            end -= scalar.count
        }
        if start == startIndex, end == endIndex { return self }
        return Array(self[start..<end])
    }
}
