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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        // Blank lines before the opening '---' are forgiven; anything else is not front matter.
        var first = 1
        while let line = lines.first, line.allSatisfy(\.isWhitespace), lines.count > 1 {
            lines = lines.dropFirst()
            first += 1
        }
        guard let opening = lines.first, isFence(opening) else {
            return .failure(Diagnostic(FrontMatterProblem.missingStart,
                                       at: SourceLocation(path: path, line: first, column: 1)))
        }
        let rest = lines.dropFirst()
        guard let closing = rest.firstIndex(where: { isFence($0) || $0.trimmingTrailingSpaces == "..." }) else {
            return .failure(Diagnostic(FrontMatterProblem.missingEnd,
                                       at: SourceLocation(path: path, line: first, column: 1), length: 3))
        }
        let yaml = rest[rest.startIndex..<closing].joined(separator: "\n")
        let body = rest[(closing + 1)...].joined(separator: "\n")
        // `lines` indices are 0-based positions in the original split.
        return .success(FrontMatterSplit(
            yaml: yaml, yamlFirstLine: first + 1, body: body, bodyFirstLine: closing + 2))
    }

    private static func isFence(_ line: Substring) -> Bool { line.trimmingTrailingSpaces == "---" }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, let previous = self[..<end].last, previous == " " || previous == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
