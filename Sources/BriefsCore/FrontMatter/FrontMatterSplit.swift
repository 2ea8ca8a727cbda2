/// A brief file cut into its YAML front matter and its Markdown body, with the line numbers
/// needed to map positions in either part back to the file.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the two `---` lines.
    public var yaml: String
    /// File line of the first YAML line (2 when the file starts with `---`).
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// File line of the first body line.
    public var bodyFirstLine: Int

    /// Splits `text`; a missing opening or closing line is a diagnostic.
    public static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        // Lines are found on UTF-8 bytes: splitting a whole file into `Substring`s by
        // `Character` cost more than the YAML parser.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        /// The current line (without its `\n`) and the start of the next one.
        func line(from start: String.Index) -> (line: Substring, next: String.Index?) {
            guard let newline = text.newlineIndex(from: start) else {
                return (text[start...], nil)
            }
            return (text[start..<newline], utf8.index(after: newline))
        }
        // Blank lines before the opening '---' are forgiven; anything else is not front matter.
        var current = line(from: lineStart)
        while current.line.allSatisfy(\.isWhitespace), let next = current.next {
            lineStart = next
            lineNumber += 1
            current = line(from: lineStart)
        }
        guard isFence(current.line), let yamlStart = current.next else {
            return .failure(Diagnostic(isFence(current.line) ? FrontMatterProblem.missingEnd : FrontMatterProblem.missingStart,
                                       at: SourceLocation(path: path, line: lineNumber, column: 1),
                                       length: isFence(current.line) ? 3 : 1))
        }
        let first = lineNumber
        var closingStart = yamlStart
        var closingNumber = lineNumber + 1
        while true {
            let candidate = line(from: closingStart)
            if isFence(candidate.line) || candidate.line.isMarker("...") {
                // The YAML ends before the `\n` that ends the line above the closing one.
                let yamlEnd = closingStart == yamlStart ? yamlStart : utf8.index(before: closingStart)
                let body = candidate.next.map { String(text[$0...]) } ?? ""
                return .success(FrontMatterSplit(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: first + 1, body: body,
                    bodyFirstLine: closingNumber + 1))
            }
            guard let next = candidate.next else {
                return .failure(Diagnostic(FrontMatterProblem.missingEnd,
                                           at: SourceLocation(path: path, line: first, column: 1), length: 3))
            }
            closingStart = next
            closingNumber += 1
        }
    }

    private static func isFence(_ line: Substring) -> Bool { line.isMarker("---") }
}

extension Substring {
    /// Whether the line is `marker` followed by nothing but spaces and tabs (checked on bytes:
    /// this runs for every line of every front matter).
    func isMarker(_ marker: StaticString) -> Bool {
        var utf8 = self.utf8[...]
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8 = utf8.dropLast() }
        return marker.withUTF8Buffer { utf8.elementsEqual($0) }
    }

    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
