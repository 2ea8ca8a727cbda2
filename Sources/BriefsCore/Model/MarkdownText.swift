/// Markdown written by an editor, with what is needed to map a position inside it (a broken link,
/// raw HTML) back to the line and column of the `.md` file, also when it sits in a YAML block scalar.
public struct MarkdownText: Sendable, Equatable {
    public var text: String
    public var origin: TextOrigin

    public init(_ text: String, origin: TextOrigin) {
        self.text = text
        self.origin = origin
    }
}

/// Where the first character of a piece of Markdown stands in its file.
public struct TextOrigin: Sendable, Equatable {
    public var path: String
    /// File line of the Markdown's line 1.
    public var firstLine: Int
    /// Scalars to add to a Markdown column on every line (the block scalar's indentation, or the
    /// column where a one-line value starts).
    public var columnOffset: Int
    /// `true` when Markdown line n is file line `firstLine + n - 1` (the body, `|` blocks);
    /// `false` when YAML folded the lines, so only the first line is known for sure.
    public var linesFollow: Bool

    public init(path: String, firstLine: Int, columnOffset: Int, linesFollow: Bool) {
        self.path = path
        self.firstLine = firstLine
        self.columnOffset = columnOffset
        self.linesFollow = linesFollow
    }

    /// The file position of Markdown position (`line`, `column`), both 1-based.
    public func location(line: Int, column: Int) -> SourceLocation {
        if linesFollow || line == 1 {
            return SourceLocation(path: path, line: firstLine + line - 1, column: column + columnOffset)
        }
        return SourceLocation(path: path, line: firstLine, column: 1 + columnOffset)
    }
}
