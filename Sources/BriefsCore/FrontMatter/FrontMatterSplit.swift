import Glibc

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
        // The closing line is looked for on the bytes: a brief's front matter has a hundred
        // lines and more, and `Substring`s of each cost more than the search.
        let yamlOffset = utf8.distance(from: utf8.startIndex, to: yamlStart)
        var contiguous = text
        let closing: (start: Int, next: Int?, lines: Int)? = contiguous.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var lineStart = yamlOffset
            var lines = 0
            while true {
                let end = lineStart < bytes.count
                    ? memchr(base + lineStart, 0x0A, bytes.count - lineStart).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                    : bytes.count
                var trimmed = end
                while trimmed > lineStart, bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 { trimmed -= 1 }
                if trimmed - lineStart == 3, bytes[lineStart] == bytes[lineStart + 1], bytes[lineStart] == bytes[lineStart + 2],
                   bytes[lineStart] == UInt8(ascii: "-") || bytes[lineStart] == UInt8(ascii: ".") {
                    return (lineStart, end < bytes.count ? end + 1 : nil, lines)
                }
                guard end < bytes.count else { return nil }
                lineStart = end + 1
                lines += 1
            }
        }
        guard let closing else {
            return .failure(Diagnostic(FrontMatterProblem.missingEnd,
                                       at: SourceLocation(path: path, line: first, column: 1), length: 3))
        }
        // The YAML ends before the `\n` that ends the line above the closing one.
        let yamlEnd = closing.start == yamlOffset ? yamlStart : utf8.index(utf8.startIndex, offsetBy: closing.start - 1)
        let body = closing.next.map { String(text[utf8.index(utf8.startIndex, offsetBy: $0)...]) } ?? ""
        return .success(FrontMatterSplit(
            yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: first + 1, body: body,
            bodyFirstLine: first + 1 + closing.lines + 1))
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
