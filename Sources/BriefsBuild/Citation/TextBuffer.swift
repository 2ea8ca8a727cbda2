/// Text built up as UTF-8 bytes, with escaping done while copying. Head metadata and feed
/// entries are dozens of small pieces and one long one (the full text); building them as
/// `String`s through interpolation cost more than rendering the page.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// HTML and XML escaping (`& < > " '`). With `xml`, the control characters XML 1.0 does not
    /// allow are left out: a stray one would make a whole feed unreadable.
    mutating func appendEscaped(_ text: String, xml: Bool = false) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.makeRoom(forEscaping: utf8.count)
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                // Letters and every byte of a multi-byte character are above the specials.
                if byte > UInt8(ascii: ">") { continue }
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0x00..<0x20 where xml && byte != 0x09 && byte != 0x0A && byte != 0x0D: replacement = ""
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

    /// `<meta name="…" content="…">` and a line break.
    mutating func meta(name: StaticString, _ content: String) {
        append("<meta name=\"")
        append(name)
        append("\" content=\"")
        appendEscaped(content)
        append("\">\n")
    }

    /// `<meta property="…" content="…">` (Open Graph) and a line break.
    mutating func meta(property: StaticString, _ content: String) {
        append("<meta property=\"")
        append(property)
        append("\" content=\"")
        appendEscaped(content)
        append("\">\n")
    }
}

extension Array where Element == UInt8 {
    /// Room for `count` bytes of text about to be appended with escapes (an eighth more), made
    /// up front instead of growing piecemeal while escaping. Doubling at least: `reserveCapacity`
    /// alone grows to exactly what is asked, and many small strings would each copy the buffer.
    mutating func makeRoom(forEscaping count: Int) {
        let needed = self.count + count + count / 8 + 16
        if capacity < needed { reserveCapacity(Swift.max(needed, capacity * 2)) }
    }
}
