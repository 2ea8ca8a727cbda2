import Glibc

/// The lines of a text, found on its UTF-8 bytes and handed out as `Substring`s on demand:
/// splitting a whole brief into `Substring`s by `Character` up front cost more than decoding it.
public struct SourceLines: Sendable {
    private let text: String
    /// Where each line starts; a line ends before the next one's `\n`.
    private let starts: [String.Index]

    public init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var index = text.startIndex
        while let newline = text.newlineIndex(from: index) {
            index = text.utf8.index(after: newline)
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

extension String {
    /// The index of the first `\n` at or after `start` (`memchr` on the contiguous UTF-8 bytes;
    /// the generic search over `UTF8View` was a few percent of a whole build).
    func newlineIndex(from start: Index) -> Index? {
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard offset < bytes.count, let base = bytes.baseAddress,
                  let hit = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        switch found {
        case .some(let position): return position.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        case .none: return utf8[start...].firstIndex(of: 0x0A)
        }
    }
}
