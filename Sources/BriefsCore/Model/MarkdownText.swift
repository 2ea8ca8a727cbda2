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

    /// For values YAML reflowed or unescaped (folded `>`, multi-line plain, quoted): the file
    /// line and column of every character of the Markdown, found by aligning the two texts, as
    /// runs of characters that stand one after another on a file line (a position per character
    /// took sixteen bytes each, a tenth of a decoded brief's memory).
    public private(set) var characterRuns: [CharacterRun]?
    /// Scalar offset at which each Markdown line starts, for `characterRuns`.
    public private(set) var lineStarts: [Int]?
    /// How many characters `characterRuns` covers.
    public private(set) var characterCount = 0

    /// A line and column in a file, without the path.
    public struct FilePoint: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    /// Characters from scalar offset `offset` on stand at `start`, the next ones in the columns
    /// after it, up to the next run.
    public struct CharacterRun: Sendable, Equatable {
        public var offset: Int
        public var start: FilePoint
    }

    /// Builds `characterRuns` from the characters' positions, one after another.
    struct CharacterRuns {
        private(set) var runs: [CharacterRun] = []
        /// Characters added so far.
        private(set) var count = 0

        /// The next character stands at `point`: it continues the last run when that is the
        /// column after the last character's on the same line.
        mutating func add(_ point: FilePoint) {
            if let last = runs.last, last.start.line == point.line, last.start.column + count - last.offset == point.column {
                count += 1
                return
            }
            runs.append(CharacterRun(offset: count, start: point))
            count += 1
        }
    }

    public init(path: String, firstLine: Int, columnOffset: Int, linesFollow: Bool) {
        self.path = path
        self.firstLine = firstLine
        self.columnOffset = columnOffset
        self.linesFollow = linesFollow
    }

    /// The file position of Markdown position (`line`, `column`), both 1-based.
    public func location(line: Int, column: Int) -> SourceLocation {
        if let characterRuns, let lineStarts, !characterRuns.isEmpty, characterCount > 0, line >= 1, line <= lineStarts.count {
            let index = min(max(0, lineStarts[line - 1] + column - 1), characterCount - 1)
            let point = Self.position(of: index, in: characterRuns)
            return SourceLocation(path: path, line: point.line, column: point.column)
        }
        if linesFollow || line == 1 {
            return SourceLocation(path: path, line: firstLine + line - 1, column: column + columnOffset)
        }
        return SourceLocation(path: path, line: firstLine, column: 1 + columnOffset)
    }

    /// The file position of the character at scalar offset `index`: in the last run that starts
    /// at or before it (found by halving; runs are in offset order and the first starts at 0).
    static func position(of index: Int, in runs: [CharacterRun]) -> FilePoint {
        var low = 0
        var high = runs.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].offset <= index { low = middle } else { high = middle - 1 }
        }
        let run = runs[low]
        return FilePoint(line: run.start.line, column: run.start.column + index - run.offset)
    }
}

extension TextOrigin {
    /// Aligns `text` (a scalar as YAML produced it) with the file lines it was written on,
    /// starting at `start`: each character of `text` is matched to the next equal character in
    /// the file, skipping what YAML removed (line breaks, indentation, quotes, escapes).
    static func aligned(text: String, fileLines: SourceLines, start: FilePoint, path: String) -> TextOrigin {
        var origin = TextOrigin(path: path, firstLine: start.line, columnOffset: start.column - 1, linesFollow: false)
        var runs = CharacterRuns()
        var starts = [0]
        var line = start.line
        var column = start.column
        var fileLine: [Unicode.Scalar] = line - 1 < fileLines.count ? Array(fileLines[line - 1].unicodeScalars) : []
        var offset = 0
        for scalar in text.unicodeScalars {
            // Look ahead a little for the same character; YAML only ever drops or folds characters.
            var probeLine = line, probeColumn = column, probe = fileLine, found = false, budget = 200
            while budget > 0 {
                budget -= 1
                if probeColumn - 1 < probe.count {
                    if probe[probeColumn - 1] == scalar || (scalar == "\n" && false) { found = true; break }
                    probeColumn += 1
                } else {
                    if scalar == "\n" || scalar == " " { found = true; break }
                    probeLine += 1
                    guard probeLine - 1 < fileLines.count else { break }
                    probe = Array(fileLines[probeLine - 1].unicodeScalars)
                    probeColumn = 1
                }
            }
            if found {
                line = probeLine
                column = probeColumn
                fileLine = probe
            }
            runs.add(FilePoint(line: line, column: column))
            if found, column - 1 < fileLine.count { column += 1 }
            offset += 1
            if scalar == "\n" { starts.append(offset) }
        }
        origin.characterRuns = runs.runs
        origin.characterCount = runs.count
        origin.lineStarts = starts
        return origin
    }
}
