@testable import BriefsCore
import Testing
import TestSupport

/// Trimming: a text whose ends are ASCII bytes that stay comes back without a walk over its
/// scalars; every text must come back exactly as the walk gives it.
@Suite("Trimming")
struct WhitespaceTests {
    /// The walk: the first and last scalar that stays, and what lies between.
    static func reference(_ text: String, _ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    @Test("every way of trimming gives what the walk over the scalars gives, for each piece and 3,000 generated texts")
    func generated() {
        let pieces = ["a", "Z", "7", ".", "-", "\u{201E}", "\u{201C}", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}",
                      "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{2003}", "ä", "e\u{301}", "\u{301}",
                      "\u{1F1E9}\u{1F1EA}", "\u{200B}", "!", "\u{A7}", "Straße", ""]
        for text in SplitMix64.texts(from: pieces, seed: 9) {
            let scalars = text.unicodeScalars.map { $0.value }
            #expect(text.trimmingWhitespace() == Self.reference(text, String.isWhitespaceOrNewline), "\(scalars)")
            #expect(text.trimmingSpaces() == Self.reference(text, String.isSpace), "\(scalars)")
            #expect(text.trimmingLineBreaks() == Self.reference(text, String.isNewline), "\(scalars)")
            let tail = text.dropFirst(text.isEmpty ? 0 : 1)
            #expect(tail.trimmingWhitespace() == Self.reference(String(tail), String.isWhitespaceOrNewline), "\(scalars)")
        }
    }

    @Test("plain texts come back as they are; ends that go, go")
    func examples() {
        #expect("Wohnen".trimmingWhitespace() == "Wohnen")
        #expect(" Wohnen\n".trimmingWhitespace() == "Wohnen")
        #expect("Wohnen\u{A0}".trimmingWhitespace() == "Wohnen")
        #expect("\u{3000}Wohnen".trimmingSpaces() == "Wohnen")
        #expect("Wohnen\u{2028}".trimmingLineBreaks() == "Wohnen")
        #expect("a\tb".trimmingSpaces() == "a\tb")
        #expect(" \t\n".trimmingWhitespace() == "")
        #expect("".trimmingWhitespace() == "")
    }
}
