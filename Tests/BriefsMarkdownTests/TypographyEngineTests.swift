@testable import BriefsMarkdown
import Testing
import TestSupport

/// The byte-based typography engine against the first, scalar-by-scalar one, on random text
/// made of the characters the rules look at.
@Suite("Typography engine")
struct TypographyEngineTests {
    static let pieces = ["a", "Wort", "ä", "ß", "É", "1", "42", "\u{0663}", ".", "...", "-", "--", "---", "\"", "'", " ",
                         "\u{00A0}", "§", "%", "\u{2030}", "\n", "\t", "(", "[", "/", "\u{201E}", "\u{201C}", "\u{2018}",
                         "S", "Nr", "z", "B", "d", "h", "Abs", "'90s", "geht's", "\u{1F600}", "x--y", " - "]

    @Test("gives the same text as the reference engine", arguments: [TypographyLanguage.german, .english, .other])
    func sameAsReference(language: TypographyLanguage) {
        var random = SplitMix64(state: 9)
        for _ in 0..<20_000 {
            var segments: [TypographySegment] = []
            for _ in 0..<(1 + random.next(4)) {
                var text = ""
                for _ in 0..<random.next(12) { text += Self.pieces[random.next(Self.pieces.count)] }
                segments.append(TypographySegment(text: text, isMutable: random.next(4) != 0))
            }
            var reference = ReferenceTypographyEngine(segments: segments, language: language)
            let expected = reference.run()
            let actual = Typography.typeset(segments, language: language)
            #expect(actual == expected, "\(segments.map { ($0.text, $0.isMutable) })")
            if actual != expected { return }
        }
    }
}
