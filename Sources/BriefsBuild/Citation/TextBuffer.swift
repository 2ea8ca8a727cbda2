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
        text.withUTF8 { appendEscaped(utf8: $0, xml: xml) }
    }

    /// `appendEscaped(_:xml:)` for text that is UTF-8 bytes already.
    mutating func appendEscaped(utf8: UnsafeBufferPointer<UInt8>, xml: Bool = false) {
        bytes.appendEscapedMarkup(utf8, xml: xml)
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

/// Tests on eight bytes at once (as one `UInt64`), for escapers that skip plain text: a few
/// arithmetic steps per eight bytes instead of a comparison and a branch per byte. Each test
/// is exact for "is there such a byte in the word" (the bit tricks of "Bit Twiddling Hacks",
/// `haszero` and `hasless`); which byte it is, the byte-wise loop after it finds out.
enum Words {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when a byte of `word` equals `byte`.
    @inline(__always)
    static func has(_ byte: UInt8, _ word: UInt64) -> UInt64 {
        let matched = word ^ (ones &* UInt64(byte))
        return (matched &- ones) & ~matched & highs
    }

    /// Non-zero when a byte of `word` is below `limit` (at most 128).
    @inline(__always)
    static func below(_ limit: UInt8, _ word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }
}

/// The bytes an escaper replaces, tested on eight bytes at once (`Words`).
protocol SpecialBytes {
    /// Non-zero when a byte of `word` is one of them.
    static func find(in word: UInt64) -> UInt64
}

/// `& < > " '` and control characters: HTML and XML text and attributes.
enum MarkupSpecials: SpecialBytes {
    @inline(__always)
    static func find(in word: UInt64) -> UInt64 {
        Words.below(0x20, word) | Words.has(0x26, word) | Words.has(0x3C, word) | Words.has(0x3E, word)
            | Words.has(0x22, word) | Words.has(0x27, word)
    }
}

/// Quotes, backslashes and control characters: JSON strings.
enum JSONSpecials: SpecialBytes {
    @inline(__always)
    static func find(in word: UInt64) -> UInt64 {
        Words.below(0x20, word) | Words.has(0x22, word) | Words.has(0x5C, word)
    }
}

/// JSON strings inside a `<script>` element: also `< > &`.
enum ScriptJSONSpecials: SpecialBytes {
    @inline(__always)
    static func find(in word: UInt64) -> UInt64 {
        JSONSpecials.find(in: word) | Words.has(0x3C, word) | Words.has(0x3E, word) | Words.has(0x26, word)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The eight bytes from `index` as one word (`index + 8 <= count`).
    @inline(__always)
    func word(at index: Int) -> UInt64 {
        UnsafeRawPointer(baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self)
    }

    /// `start` moved on by eight bytes at a time while those hold none of `Specials`: where an
    /// escaper must look byte by byte again (or where fewer than eight bytes are left).
    @inline(__always)
    func skippingPlainWords<Specials: SpecialBytes>(from start: Int, _: Specials.Type) -> Int {
        var index = start
        while index + 8 <= count, Specials.find(in: word(at: index)) == 0 { index += 8 }
        return index
    }
}

extension Array where Element == UInt8 {
    /// `utf8` with `& < > " '` escaped (as HTML, XML and swift-mustache write them). With `xml`,
    /// the control characters XML 1.0 does not allow are left out.
    mutating func appendEscapedMarkup(_ utf8: UnsafeBufferPointer<UInt8>, xml: Bool) {
        makeRoom(forEscaping: utf8.count)
        var runStart = 0
        var chunk = 0
        while chunk < utf8.count {
            chunk = utf8.skippingPlainWords(from: chunk, MarkupSpecials.self)
            let end = Swift.min(utf8.count, chunk + 8)
            for index in chunk..<end {
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
                append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                replacement.withUTF8Buffer { append(contentsOf: $0) }
                runStart = index + 1
            }
            chunk = end
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Room for `count` bytes of text about to be appended with escapes (an eighth more), made
    /// up front instead of growing piecemeal while escaping. Doubling at least: `reserveCapacity`
    /// alone grows to exactly what is asked, and many small strings would each copy the buffer.
    mutating func makeRoom(forEscaping count: Int) {
        let needed = self.count + count + count / 8 + 16
        if capacity < needed { reserveCapacity(Swift.max(needed, capacity * 2)) }
    }
}
