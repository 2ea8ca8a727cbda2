/// Language-aware typography for prose: quotation marks, apostrophes, dashes,
/// ellipses and non-breaking spaces.
public enum Typography {
    /// Applies the typography of `language` to a plain-text field (a title, a name).
    ///
    /// Markdown bodies get the same rules through ``Markdown/render(_:options:page:)``,
    /// which skips code and URLs.
    public static func apply(_ text: String, language: TypographyLanguage) -> String {
        typeset([TypographySegment(text: text, isMutable: true)], language: language).first ?? text
    }

    /// Applies typography to consecutive pieces of one block.
    ///
    /// The pieces are read as one stream, so a quote is opened or closed by looking at
    /// the character before it even in another piece (`"*Wort*"` → „*Wort*“). Pieces that
    /// are not mutable (code, URLs, raw HTML) are context only and come back unchanged.
    static func typeset(_ segments: [TypographySegment], language: TypographyLanguage) -> [String] {
        var engine = TypographyEngine(segments: segments, language: language)
        return engine.run()
    }
}

/// One piece of a block's text, as ``Typography/typeset(_:language:)`` sees it.
struct TypographySegment {
    var text: String
    /// False for code spans, URL text and raw HTML: read for context, never changed.
    var isMutable: Bool
}

