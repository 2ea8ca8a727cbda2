import Foundation

/// The ids of one page, for `#fragment` checks: sorted, in one string. The build cache holds
/// them for every brief and reads them on every build; one string per page instead of one per
/// id (some thirty) is a quarter fewer strings to make.
struct PageIDs: Sendable, Equatable {
    /// A line break, then each id followed by one.
    let joined: String

    init(_ ids: some Sequence<String>) {
        // Ids never hold a line break (they are single HTML attribute tokens); one that did
        // would only be found less often. Sorted by their UTF-8 bytes, as `contains` searches.
        let newline = UInt8(ascii: "\n")
        var lines = ids.map { Array($0.utf8) }.filter { !$0.contains(newline) }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        var bytes: [UInt8] = [newline]
        bytes.reserveCapacity(lines.reduce(1) { $0 + $1.count + 1 })
        for line in lines {
            bytes.append(contentsOf: line)
            bytes.append(newline)
        }
        joined = String(decoding: bytes, as: UTF8.self)
    }

    init(joined: String) {
        self.joined = joined.hasPrefix("\n") ? joined : "\n" + joined
    }

    /// Binary search over the lines, in place (this runs for every `#fragment` link of every brief).
    func contains(_ id: String) -> Bool {
        var haystack = joined, key = id
        guard !key.isEmpty, !key.utf8.contains(UInt8(ascii: "\n")) else { return false }
        return haystack.withUTF8 { lines in
            key.withUTF8 { key in
                guard let base = lines.baseAddress, let keyBase = key.baseAddress else { return false }
                let newline = UInt8(ascii: "\n")
                // Lines start in `low..<high`; each ends with a line break.
                var low = 1, high = lines.count
                while low < high {
                    var start = (low + high) / 2
                    while start > low, lines[start - 1] != newline { start -= 1 }
                    var end = start
                    while end < lines.count, lines[end] != newline { end += 1 }
                    let common = min(end - start, key.count)
                    var order = common > 0 ? Int(memcmp(base + start, keyBase, common)) : 0
                    if order == 0 { order = (end - start) - key.count }
                    if order == 0 { return true }
                    if order < 0 { low = end + 1 } else { high = start }
                }
                return false
            }
        }
    }

    /// The ids, sorted.
    var all: [String] { joined.split(separator: "\n").map(String.init) }
}
