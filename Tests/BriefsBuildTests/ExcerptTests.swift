@testable import BriefsBuild
import Testing
import TestSupport

@Suite("Home page excerpts")
struct ExcerptTests {
    /// The excerpt as it was cut by characters throughout: the reference the scalar-counting
    /// shortcut must match.
    static func reference(_ text: String, limit: Int) -> String {
        guard let limitIndex = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              limitIndex != text.endIndex else { return text }
        let cut = text[..<limitIndex]
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimmingPunctuationAndSpaces() + " …"
    }

    @Test("cut like by characters, for plain, German, typographic, combined, joined, emoji and CR LF texts of every length")
    func matchesCharacterCut() {
        let pieces = ["Wort", " ", "Straße", "ä", "a\u{0308}", " \u{0301}", "e\u{0301}", ", ", ".", "—", "\r\n", "\n",
                      "👩‍🔬", "🇩🇪", "한", "\u{1100}\u{1161}", "\u{00AD}", "\t", "x",
                      "„", "“", "…", "–", "\u{202F}", "€", "\u{200D}", "\u{200C}", "\u{2060}", "\u{20DD}", "e\u{20D7}"]
        for text in SplitMix64.texts(from: pieces, seed: 31, count: 2000) {
            for limit in [0, 1, 2, 3, 5, 8, 13, 20] {
                #expect(SitePageRenderer.excerpt(text, limit: limit) == Self.reference(text, limit: limit),
                        "limit \(limit): \(text.debugDescription)")
            }
        }
    }

    @Test("a long German summary is cut at a word with an ellipsis")
    func longSummary() {
        let text = String(repeating: "Kommunale Integrationsarbeit braucht verlässliche Förderung. ", count: 8)
        let excerpt = SitePageRenderer.excerpt(text)
        #expect(excerpt.hasSuffix(" …") && excerpt.count <= 282 && excerpt.count > 200)
        #expect(excerpt == Self.reference(text, limit: 280))
        #expect(SitePageRenderer.simpleCut(text, limit: 280) != nil)
    }
}
