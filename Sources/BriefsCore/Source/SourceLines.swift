/// The lines of a text, found on its UTF-8 bytes and handed out as `Substring`s on demand:
/// splitting a whole brief into `Substring`s by `Character` up front cost more than decoding it.
public struct SourceLines: Sendable {
    private let text: String
    /// Where each line starts; a line ends before the next one's `\n`.
    private let starts: [String.Index]

    public init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = utf8.index(after: newline)
            starts.append(index)
        }
        self.starts = starts
    }

    public var count: Int { starts.count }

    /// Line `index + 1` of the text (0-based, like an array of lines), without its `\n`.
    public subscript(index: Int) -> Substring {
        let start = starts[index]
        let end = index + 1 < starts.count ? text.utf8.index(before: starts[index + 1]) : text.endIndex
        return text[start..<end]
    }
}
