import BriefsMarkdown
import Testing

@Suite("Abstract and plain text")
struct MetadataTests {
    @Test("the first top-level paragraph becomes the abstract, typeset and on one line")
    func firstParagraph() {
        let result = Render.fragment(
            "# Titel\n\nDer \"erste\" Absatz\nmit *Umbruch*[^1] und `code`.\n\nZweiter.\n\n[^1]: N.",
            language: .german
        )
        #expect(result.firstParagraph == "Der \u{201E}erste\u{201C} Absatz mit Umbruch und code.")
    }

    @Test("a fragment without a top-level paragraph has no abstract")
    func noParagraph() {
        #expect(Render.fragment("# Nur Titel\n\n- Liste").firstParagraph == nil)
    }

    @Test("plain text joins blocks with blank lines and drops markup")
    func plainText() {
        let result = Render.fragment("# H\n\nA [link](x) and ![alt](i.png).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |")
        #expect(result.plainText == "H\n\nA link and alt.\n\none\n\ntwo\n\na | b\n1 | 2")
    }
}
