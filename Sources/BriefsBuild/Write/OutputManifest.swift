import Foundation

/// The output's manifest (`.briefpress-output`) as the previous build left it: its bytes, where
/// each `fingerprint<TAB>path` line stands, and a table from paths to lines.
///
/// A rebuild looks up every file of the site here (4,000 at 1,000 briefs). Kept as bytes, the
/// manifest costs no string per line to read, a lookup hashes the path once and compares it
/// where it stands, and the next manifest copies the lines of unchanged files as they are.
struct OutputManifest: Sendable {
    /// One `fingerprint<TAB>path` line: `bytes[start..<tab]` is the fingerprint, `bytes[tab + 1..<end]` the path.
    struct Line: Sendable {
        var start: Int
        var tab: Int
        var end: Int
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lines: [Line] = []
    /// Open addressing by path: line index + 1, 0 for a free slot; a power of two, at most half full.
    private var slots: [Int32] = []
    /// Lines whose path a later line repeats (only in a manifest edited by hand): the later one counts.
    private(set) var shadowed: Set<Int> = []
    /// Whether the paths are in byte order, as briefpress writes them.
    private(set) var isSorted = true

    /// How many different paths it lists.
    var count: Int { lines.count - shadowed.count }
    var isEmpty: Bool { count == 0 }

    init() {}

    /// Reads the manifest's text: the first line explains the file, then one line per file.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        let count = bytes.count
        guard count < Int(Int32.max) else { return }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var lineStart = Self.lineEnd(base, from: 0, count: count) + 1
            while lineStart < count {
                let end = Self.lineEnd(base, from: lineStart, count: count)
                if let tab = memchr(base + lineStart, Int32(UInt8(ascii: "\t")), end - lineStart) {
                    lines.append(Line(start: lineStart, tab: base.distance(to: tab.assumingMemoryBound(to: UInt8.self)), end: end))
                }
                lineStart = end + 1
            }
        }
        guard !lines.isEmpty, lines.count < Int(Int32.max) / 4 else {
            lines = []
            return
        }
        var capacity = 16
        while capacity < lines.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        let bytes = self.bytes
        bytes.withUnsafeBytes { base in
            for index in lines.indices {
                let path = path(index, in: base)
                if index > 0, isSorted, !Self.before(self.path(index - 1, in: base), path) { isSorted = false }
                let slot = self.slot(for: path, in: base)
                if slots[slot] != 0 { shadowed.insert(Int(slots[slot]) - 1) }
                slots[slot] = Int32(index + 1)
            }
        }
    }

    /// The line listing `path`.
    func line(of path: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        var path = path
        return path.withUTF8 { key in
            bytes.withUnsafeBytes { base in
                let found = slots[slot(for: UnsafeRawBufferPointer(key), in: base)]
                return found == 0 ? nil : Int(found) - 1
            }
        }
    }

    func fingerprint(at line: Int) -> String {
        String(decoding: bytes[lines[line].start..<lines[line].tab], as: UTF8.self)
    }

    func path(at line: Int) -> String {
        String(decoding: bytes[(lines[line].tab + 1)..<lines[line].end], as: UTF8.self)
    }

    /// Whether the line's fingerprint is `fingerprint`.
    func fingerprint(at line: Int, is fingerprint: String) -> Bool {
        var fingerprint = fingerprint
        let range = lines[line].start..<lines[line].tab
        return fingerprint.withUTF8 { given in
            bytes.withUnsafeBufferPointer { buffer in
                given.count == range.count
                    && (range.isEmpty || memcmp(buffer.baseAddress! + range.lowerBound, given.baseAddress!, range.count) == 0)
            }
        }
    }

    /// The fingerprint listed for `path`.
    func fingerprint(of path: String) -> String? {
        line(of: path).map { fingerprint(at: $0) }
    }

    /// Every path, in the manifest's order (once each).
    var paths: [String] {
        lines.indices.filter { !shadowed.contains($0) }.map { path(at: $0) }
    }

    /// The line's path within `base`, the manifest's bytes.
    func path(_ line: Int, in base: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: base[(lines[line].tab + 1)..<lines[line].end])
    }

    /// The line, newline included, within `base`, the manifest's bytes (the last may lack its newline).
    func text(_ line: Int, in base: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: base[lines[line].start..<min(lines[line].end + 1, base.count)])
    }

    /// The slot of `key`: the one holding its line, or the free one where it would go.
    private func slot(for key: UnsafeRawBufferPointer, in base: UnsafeRawBufferPointer) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while slots[slot] != 0 {
            let other = path(Int(slots[slot]) - 1, in: base)
            if other.count == key.count, key.isEmpty || memcmp(other.baseAddress!, key.baseAddress!, key.count) == 0 { return slot }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// A quick hash of a path for the table, eight bytes at a time (not stored anywhere).
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(key.count)
        var offset = 0
        while offset + 8 <= key.count {
            hash = (hash ^ key.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < key.count {
            tail = tail << 8 | UInt64(key[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 32)
    }

    /// Byte order of two paths (UTF-8), as the manifest lists them.
    static func before(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        let common = min(first.count, second.count)
        if common > 0 {
            let order = memcmp(first.baseAddress!, second.baseAddress!, common)
            if order != 0 { return order < 0 }
        }
        return first.count < second.count
    }

    private static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        guard start < count, let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) else { return count }
        return base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
    }
}
