// MARK: - Language

/// The typographic conventions applied to prose: which quotation marks, and where
/// non-breaking spaces go.
public enum TypographyLanguage: Sendable, Equatable {
    /// German: „…“ and ‚…‘, non-breaking spaces in "S. 12", "§ 3", "10 %", "z. B.".
    case german
    /// English: “…” and ‘…’, with the same non-breaking-space rules.
    case english
    /// Any other language: only ellipses and dashes, because its quotation marks are unknown.
    case other

    /// Picks the conventions for a BCP 47 language tag; only the primary subtag counts.
    ///
    /// `"de"` and `"de-AT"` give ``german``, `"en"` and `"en-GB"` give ``english``,
    /// anything else ``other``.
    public init(bcp47: String) {
        let primary = bcp47
            .split(whereSeparator: { $0 == "-" || $0 == "_" })
            .first
            .map { $0.lowercased() } ?? ""
        switch primary {
        case "de": self = .german
        case "en": self = .english
        default: self = .other
        }
    }
}

// MARK: - Strings

/// The few user-visible words the renderer writes itself.
///
/// They come from the theme's strings for the page language, so the renderer never
/// hard-codes English (cmark's own renderer does, in its footnote back-links).
public struct MarkdownStrings: Sendable, Equatable {
    /// The `aria-label` of the footnotes section, e.g. "Anmerkungen" or "Notes".
    public var footnotesLabel: String
    /// The `aria-label` of each footnote back-link, e.g. "Zurück zum Text" or "Back to text".
    public var footnoteBackLabel: String
    /// The `aria-label` of the scrollable region around each table, e.g. "Tabelle" or "Table".
    public var tableLabel: String

    /// Creates the strings from the theme's translations.
    public init(footnotesLabel: String, footnoteBackLabel: String, tableLabel: String) {
        self.footnotesLabel = footnotesLabel
        self.footnoteBackLabel = footnoteBackLabel
        self.tableLabel = tableLabel
    }

    /// The English words, for tests and as a fallback when a theme lacks strings.
    public static let english = MarkdownStrings(
        footnotesLabel: "Notes", footnoteBackLabel: "Back to text", tableLabel: "Table"
    )

    /// The German words, for tests and as a fallback when a theme lacks strings.
    public static let german = MarkdownStrings(
        footnotesLabel: "Anmerkungen", footnoteBackLabel: "Zurück zum Text", tableLabel: "Tabelle"
    )
}

// MARK: - Options

/// How one Markdown fragment is rendered.
public struct MarkdownOptions: Sendable {
    /// The typographic conventions for text nodes.
    public var language: TypographyLanguage
    /// The localized words the renderer writes.
    public var strings: MarkdownStrings
    /// The HTML level of a `#` heading in this fragment; deeper levels follow and stop at 6.
    ///
    /// A recommendation body sits under an `h3`, so its `#` must not become a second `h1`.
    public var headingBase: Int
    /// Prefix for footnote ids, so several fragments on one page never collide (e.g. `"rec-1"`).
    public var idPrefix: String
    /// Maps a destination as written to the one emitted, e.g. `"other.md"` → `"../other/"`.
    ///
    /// Called only for destinations that passed the unsafe-scheme check.
    public var rewriteDestination: (@Sendable (String, MarkdownLink.Kind) -> String)?

    /// Creates options; the defaults suit a stand-alone English fragment.
    public init(
        language: TypographyLanguage = .english,
        strings: MarkdownStrings = .english,
        headingBase: Int = 1,
        idPrefix: String = "",
        rewriteDestination: (@Sendable (String, MarkdownLink.Kind) -> String)? = nil
    ) {
        self.language = language
        self.strings = strings
        self.headingBase = headingBase
        self.idPrefix = idPrefix
        self.rewriteDestination = rewriteDestination
    }
}
