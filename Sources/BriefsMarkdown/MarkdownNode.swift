/// One node of a parsed Markdown document: a Swift copy of cmark's tree, so nothing
/// outside the parser ever touches a C pointer.
///
/// Nesting is capped at 64 levels: deeper content is kept as plain text, so recursive
/// walks over the tree stay shallow even for hostile input.
public struct MarkdownNode: Sendable, Equatable {
    /// The column alignment of a table column.
    public enum TableAlignment: Sendable, Equatable {
        /// No alignment given (`---`).
        case none
        /// `:--`
        case left
        /// `:-:`
        case center
        /// `--:`
        case right
    }

    /// What the node is, with the data that belongs to it.
    public enum Kind: Sendable, Equatable {
        /// The root.
        case document
        /// `>` quote.
        case blockQuote
        /// A bullet or ordered list; `tight` lists render their paragraphs without `<p>`.
        case list(ordered: Bool, start: Int, tight: Bool)
        /// One list item.
        case listItem
        /// A fenced or indented code block; `info` is the whole info string.
        case codeBlock(info: String, code: String)
        /// A raw HTML block, kept verbatim (it is rendered escaped).
        case htmlBlock(String)
        /// A paragraph.
        case paragraph
        /// A heading with its Markdown level (1–6).
        case heading(level: Int)
        /// `***`
        case thematicBreak
        /// A GFM table with one alignment per column.
        case table(alignments: [TableAlignment])
        /// A table row; `isHeader` for the first row.
        case tableRow(isHeader: Bool)
        /// A table cell.
        case tableCell
        /// A footnote definition; cmark moves these to the end of the document, numbered
        /// by first reference. `label` is the label of that first reference as written.
        case footnoteDefinition(number: Int, label: String)
        /// Text.
        case text(String)
        /// A line break inside a paragraph without a trailing double space or backslash.
        case softBreak
        /// A hard line break.
        case lineBreak
        /// An inline code span.
        case code(String)
        /// Inline raw HTML, kept verbatim (it is rendered escaped).
        case htmlInline(String)
        /// `*emphasis*`
        case emphasis
        /// `**strong**`
        case strong
        /// `~~strikethrough~~`
        case strikethrough
        /// A link; `isAutolink` when its text is the URL itself (`<https://…>`, `www.…`).
        case link(destination: String, title: String, isAutolink: Bool)
        /// An image; its children are the alt text.
        case image(source: String, title: String)
        /// A reference to footnote `number`, with its label as written.
        case footnoteReference(number: Int, label: String)
        /// A node type this code does not know (a newer cmark); rendered as its children.
        case unknown(String)
    }

    /// What the node is.
    public var kind: Kind
    /// The child nodes in document order.
    public var children: [MarkdownNode]
    /// 1-based start line in the Markdown string; 0 when cmark gives none.
    public var line: Int
    /// 1-based start column in Unicode scalars; 0 when cmark gives none.
    public var column: Int

    /// Creates a node.
    public init(kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
    }
}
