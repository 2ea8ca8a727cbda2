import Glibc

/// A position as cmark reports it: 1-based line, 1-based column in UTF-8 bytes.
struct SourcePoint: Equatable {
    var line: Int
    var byteColumn: Int

    /// cmark reports `0:0` for nodes it created without a source (e.g. e-mail autolinks).
    var isKnown: Bool { line > 0 && byteColumn > 0 }
}

/// The Markdown source as lines of UTF-8 bytes.
///
/// cmark counts columns in UTF-8 bytes, but our diagnostics count Unicode scalars (as
/// Yams does), so every position crosses this type once. It can also check and repair
/// the positions cmark gets wrong: autolinks and inline HTML inside list items are
/// shifted by the container's indent, and extension autolinks have none at all.
struct SourceMap {
    private let bytes: [UInt8]
    /// Byte offset where each line starts, index 0 = line 1.
    private let lineStarts: [Int]
    /// Byte offset just past each line's content, before its line ending.
    private let lineEnds: [Int]

    /// Scalars starting before byte `k * checkpointStride`, for every `k`.
    private let checkpoints: [Int]
    private static let checkpointStride = 64

    /// How far ahead ``find(_:from:)`` looks; keeps repair linear on huge inputs.
    private let searchWindow = 16_384

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts = [0]
        var ends: [Int] = []
        // Line endings as CommonMark defines them: LF, CR LF, or a lone CR. Without any CR
        // (the usual file) lines are found with `memchr`; this runs for every Markdown field.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            if memchr(base, 0x0D, count) == nil {
                var index = 0
                while index < count, let found = memchr(base + index, 0x0A, count - index) {
                    let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    ends.append(newline)
                    starts.append(newline + 1)
                    index = newline + 1
                }
                return
            }
            var index = 0
            while index < count {
                switch buffer[index] {
                case UInt8(ascii: "\n"):
                    ends.append(index)
                    starts.append(index + 1)
                case UInt8(ascii: "\r"):
                    ends.append(index)
                    if index + 1 < count && buffer[index + 1] == UInt8(ascii: "\n") {
                        index += 1
                    }
                    starts.append(index + 1)
                default:
                    break
                }
                index += 1
            }
        }
        ends.append(bytes.count)
        // Scalars before every multiple of the stride, counted a stride at a time.
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var count = 0
            var chunkStart = 0
            while chunkStart + Self.checkpointStride <= buffer.count {
                // Eight bytes at a time: every byte but a continuation byte (`10xxxxxx`) starts a scalar.
                for word in stride(from: chunkStart, to: chunkStart + Self.checkpointStride, by: 8) {
                    let bytes = UnsafeRawPointer(base + word).loadUnaligned(as: UInt64.self)
                    let continuations = bytes & ~(bytes << 1) & 0x8080_8080_8080_8080
                    count += 8 - continuations.nonzeroBitCount
                }
                checkpoints.append(count)
                chunkStart += Self.checkpointStride
            }
        }
        self.checkpoints = checkpoints
        self.bytes = bytes
        self.lineStarts = starts
        self.lineEnds = ends
    }

    // MARK: - Conversion

    /// The 1-based column in Unicode scalars of a cmark position, or 0 if it is unknown
    /// or outside the source.
    func scalarColumn(of point: SourcePoint) -> Int {
        guard let offset = offset(of: point) else { return 0 }
        return scalarCount(before: offset) - scalarCount(before: lineStarts[point.line - 1]) + 1
    }

    /// How many scalars start before a byte offset: a checkpoint plus at most
    /// `checkpointStride - 1` bytes, so long lines cost no more than short ones.
    private func scalarCount(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpointStride
        var count = checkpoints[checkpoint]
        // Every scalar starts with exactly one byte that is not a continuation byte (10xxxxxx).
        // Plain indexing: slice iterators are slow in debug builds, which tests use.
        var index = checkpoint * Self.checkpointStride
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The byte offset of a point, if it lies on its line (or just past its end).
    private func offset(of point: SourcePoint) -> Int? {
        guard point.isKnown, point.line <= lineStarts.count else { return nil }
        let offset = lineStarts[point.line - 1] + point.byteColumn - 1
        return offset <= lineEnds[point.line - 1] ? offset : nil
    }

    private func point(at offset: Int) -> SourcePoint {
        // Binary search for the last line starting at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return SourcePoint(line: low + 1, byteColumn: offset - lineStarts[low] + 1)
    }

    // MARK: - Checking and repair

    /// Whether the source at `point` starts with `needle`.
    func hasPrefix(_ needle: [UInt8], at point: SourcePoint) -> Bool {
        guard let offset = offset(of: point), !needle.isEmpty else { return false }
        return matches(needle, at: offset)
    }

    /// The first place at or after `start` where one of `needles` begins, with the length
    /// of the needle found there.
    func find(_ needles: [[UInt8]], from start: SourcePoint) -> (point: SourcePoint, length: Int)? {
        guard let origin = offset(of: start) else { return nil }
        let limit = min(bytes.count, origin + searchWindow)
        var offset = origin
        while offset < limit {
            for needle in needles where !needle.isEmpty && matches(needle, at: offset) {
                return (point(at: offset), needle.count)
            }
            offset += 1
        }
        return nil
    }

    private func matches(_ needle: [UInt8], at offset: Int) -> Bool {
        guard offset + needle.count <= bytes.count else { return false }
        var index = 0
        while index < needle.count {
            if bytes[offset + index] != needle[index] { return false }
            index += 1
        }
        return true
    }

    /// The bytes from `point` up to (not including) the first `terminator` on the same line.
    func bytes(from point: SourcePoint, upTo terminator: UInt8) -> [UInt8]? {
        guard let offset = offset(of: point) else { return nil }
        let end = lineEnds[point.line - 1]
        guard let stop = bytes[offset..<end].firstIndex(of: terminator) else { return nil }
        return Array(bytes[offset..<stop])
    }

    /// The point `count` bytes after `point`, which may run past the line's end.
    func advanced(_ point: SourcePoint, by count: Int) -> SourcePoint {
        guard let offset = offset(of: point) else { return point }
        return self.point(at: min(bytes.count, offset + count))
    }
}
