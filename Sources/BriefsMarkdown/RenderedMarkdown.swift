/// A link or image found in a fragment, for the caller's link checks and warnings.
public struct MarkdownLink: Sendable, Equatable {
    /// Whether the destination is navigated to or embedded.
    public enum Kind: Sendable, Equatable {
        /// A link: inline, reference-style or autolink.
        case link
        /// An image.
        case image
    }

    /// Link or image.
    public var kind: Kind
    /// The destination as cmark resolved it (escapes and entities decoded), before any
    /// rewrite. Bare `www.` autolinks get cmark's `http://` prefix, e-mail autolinks `mailto:`.
    public var destination: String
    /// The title, or an empty string.
    public var title: String
    /// The plain text of the link, or the image's alt text, with typography applied.
    public var text: String
    /// 1-based line in the Markdown string; 0 if unknown.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 if unknown.
    public var column: Int

    /// Creates a link record.
    public init(kind: Kind, destination: String, title: String, text: String, line: Int, column: Int) {
        self.kind = kind
        self.destination = destination
        self.title = title
        self.text = text
        self.line = line
        self.column = column
    }
}

/// A heading the renderer wrote, for tables of contents and fragment links.
public struct MarkdownHeading: Sendable, Equatable {
    /// The HTML level written (`2` for `<h2>`), after ``MarkdownOptions/headingBase``.
    public var level: Int
    /// The heading's plain text, with typography applied.
    public var text: String
    /// The `id` attribute, unique on the page.
    public var id: String
    /// 1-based line in the Markdown string.
    public var line: Int
    /// 1-based column in Unicode scalars.
    public var column: Int

    /// Creates a heading record.
    public init(level: Int, text: String, id: String, line: Int, column: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
        self.column = column
    }
}

/// Something in the Markdown the renderer refused to pass through; the caller turns it
/// into a warning with its position.
public struct MarkdownIssue: Sendable, Equatable {
    /// What was refused.
    public enum Kind: Sendable, Equatable {
        /// Raw HTML (block or inline), written out as visible escaped text instead.
        case rawHTML
        /// A link or image destination with a script-capable scheme (`javascript:`,
        /// `vbscript:`, `data:`); only its text was written. Carries the destination.
        case unsafeURL(String)
    }

    /// What was refused.
    public var kind: Kind
    /// 1-based line in the Markdown string; 0 if unknown.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 if unknown.
    public var column: Int

    /// Creates an issue.
    public init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// Everything rendering one fragment produced.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The HTML, safe to insert unescaped into a template, as UTF-8: pages are built as bytes,
    /// and making a `String` of it checked every byte again (a third of rendering the HTML).
    public var htmlUTF8: [UInt8]
    /// The HTML as a `String`.
    public var html: String { String(decoding: htmlUTF8, as: UTF8.self) }
    /// Every link and image in document order, autolinks and unsafe ones included.
    public var links: [MarkdownLink]
    /// Every heading in document order.
    public var headings: [MarkdownHeading]
    /// Every `id` attribute the fragment put into the page (headings, footnotes, back-references).
    public var anchors: [String]
    /// The plain text (typography applied) of the first top-level paragraph: the default abstract.
    public var firstParagraph: String?
    /// The fragment as plain text, blocks separated by blank lines, for summaries and feeds.
    ///
    /// Footnotes are left out: without their markers the note texts read as stray sentences.
    public var plainText: String
    /// Raw HTML and unsafe URLs, sorted by position.
    public var issues: [MarkdownIssue]

    /// Creates a result.
    public init(
        htmlUTF8: [UInt8], links: [MarkdownLink], headings: [MarkdownHeading], anchors: [String],
        firstParagraph: String?, plainText: String, issues: [MarkdownIssue]
    ) {
        self.htmlUTF8 = htmlUTF8
        self.links = links
        self.headings = headings
        self.anchors = anchors
        self.firstParagraph = firstParagraph
        self.plainText = plainText
        self.issues = issues
    }
}
