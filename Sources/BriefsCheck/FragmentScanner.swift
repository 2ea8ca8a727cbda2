import Foundation

/// Looks for `id="fragment"` (or the old `name="fragment"`) in an HTML body fed chunk by chunk,
/// so the caller can stop downloading as soon as it is found or `limit` bytes were read.
struct FragmentScanner: Sendable {
    enum Verdict: Sendable, Equatable { case found, notYet, gaveUp }

    let patterns: [String]
    let limit: Int
    /// The end of the previous chunk, so an attribute split between two chunks is still found.
    private var carry: [UInt8] = []
    private var read = 0

    init(fragment: String, limit: Int) {
        let id = fragment.removingPercentEncoding ?? fragment
        let escaped = id.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        patterns = ["id=\"\(escaped)\"", "id='\(escaped)'", "id=\(escaped) ", "id=\(escaped)>",
                    "name=\"\(escaped)\"", "name='\(escaped)'"]
        self.limit = limit
    }

    /// Takes the next chunk of the body.
    mutating func feed(_ chunk: some Collection<UInt8>) -> Verdict {
        let window = carry + chunk
        let text = String(decoding: window, as: UTF8.self)
        if patterns.contains(where: text.contains) { return .found }
        read += chunk.count
        if read >= limit { return .gaveUp }
        let keep = (patterns.map(\.utf8.count).max() ?? 0) + 1
        carry = Array(window.suffix(keep))
        return .notYet
    }
}
