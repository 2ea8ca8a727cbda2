import Glibc

/// Text built up as UTF-8 bytes, with escaping done while copying. Head metadata and feed
/// entries are dozens of small pieces and one long one (the full text); building them as
/// `String`s through interpolation cost more than rendering the page.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Disfavoured so that a string literal takes the `StaticString` overload, whose bytes are
    /// there already, instead of being made a `String` first.
    @_disfavoredOverload
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ byte: UInt8, count: Int) { bytes.append(contentsOf: repeatElement(byte, count: count)) }

    /// HTML and XML escaping (`& < > " '`). With `xml`, the control characters XML 1.0 does not
    /// allow are left out: a stray one would make a whole feed unreadable.
    mutating func appendEscaped(_ text: String, xml: Bool = false) {
        var text = text
        text.withUTF8 { appendEscaped(utf8: $0, xml: xml) }
    }

    /// UTF-8 text with the bytes `Escaper` replaces.
    mutating func appendEscaping<Escaper: ByteEscaper>(utf8: UnsafeBufferPointer<UInt8>, _ escaper: Escaper.Type) {
        bytes.appendEscaping(utf8, escaper)
    }

    /// `appendEscaped(_:xml:)` for text that is UTF-8 bytes already.
    mutating func appendEscaped(utf8: UnsafeBufferPointer<UInt8>, xml: Bool = false) {
        bytes.appendEscapedMarkup(utf8, xml: xml)
    }

    /// UTF-8 text as an XML CDATA section: the text as is, without the control characters XML
    /// 1.0 does not allow, and with any `]]>` split over two sections. For the feeds' full
    /// texts, which are HTML with a quote or an angle bracket every few bytes: escaped, they
    /// were a seventh longer and took longer to write than the page.
    mutating func appendCDATA(utf8: UnsafeBufferPointer<UInt8>) {
        append("<![CDATA[")
        let start = bytes.count
        bytes.appendEscaping(utf8, CDATAEscaper.self)
        // `]]>` ends a section: looked for after the control characters went, which could
        // have stood between its bytes. Our HTML never has one (it writes `>` in text as
        // `&gt;`), so this only looks.
        var from = start
        while let found = Self.findSectionEnd(in: bytes, from: from) {
            bytes.insert(contentsOf: "]]><![CDATA[".utf8, at: found + 2)
            from = found + 2 + 12
        }
        append("]]>")
    }

    /// Where the next `]]>` in `bytes` from `from` on starts: found from its first byte with
    /// `memchr` (a byte-wise loop over the array cost as much as escaping the text).
    private static func findSectionEnd(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = from
            while index + 2 < buffer.count {
                guard let found = memchr(base + index, 0x5D, buffer.count - 2 - index) else { return nil }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] == 0x5D, buffer[index + 2] == 0x3E { return index }
                index += 1
            }
            return nil
        }
    }

    /// BibTeX's special characters escaped (`\\ { } % & $ # _ ~ ^`); the rest, UTF-8 included, as is.
    mutating func appendBibEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): append("\\textbackslash{}")
                case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "$"),
                     UInt8(ascii: "#"), UInt8(ascii: "_"):
                    append(UInt8(ascii: "\\"))
                    append(byte)
                case UInt8(ascii: "~"): append("\\textasciitilde{}")
                case UInt8(ascii: "^"): append("\\textasciicircum{}")
                default: append(byte)
                }
            }
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

/// An escaper for `Array.appendEscaping`: which bytes of a flagged word it replaces, and with
/// what. Types, not closures, so that each escaper's loop is compiled with its rules inlined.
protocol ByteEscaper {
    associatedtype Specials: SpecialBytes
    /// The most bytes one input byte becomes (at most eight: `EscapeTable`).
    static var longestEscape: Int { get }
    static func isReplaced(_ byte: UInt8) -> Bool
    /// Writes the replacement of a byte `isReplaced` chose at `out`; returns its length.
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int
    /// `isReplaced` and `write` for every byte, worked out once: `EscapeTable(Self.self)`.
    static var table: EscapeTable { get }
}

/// What an escaper makes of each of the 256 bytes: up to eight bytes, kept as one word, and
/// how many of them count. The escaping loop stores the whole word for every byte of a word
/// that has a special one and moves on by the length, without a branch: full texts in feeds
/// are HTML, with a quote or an angle bracket every few bytes, and a branch per byte (which
/// the processor guesses wrong at each of them) cost a twentieth of a full build.
struct EscapeTable: @unchecked Sendable {
    /// 256 words, then 256 lengths; allocated once per escaper and never changed or freed.
    private let words: UnsafeMutablePointer<UInt64>
    private let lengths: UnsafeMutablePointer<UInt8>

    init<Escaper: ByteEscaper>(_: Escaper.Type) {
        words = .allocate(capacity: 256)
        lengths = .allocate(capacity: 256)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { scratch in
            let out = scratch.baseAddress.unsafelyUnwrapped
            for value in 0...255 {
                let byte = UInt8(value)
                scratch.initialize(repeating: 0)
                let length: Int
                if Escaper.isReplaced(byte) {
                    length = Escaper.write(byte, to: out)
                } else {
                    out[0] = byte
                    length = 1
                }
                var word: UInt64 = 0
                for offset in 0..<8 { word |= UInt64(scratch[offset]) << (8 * offset) }
                // The word's bytes in memory order, whatever the processor's byte order.
                words[value] = UInt64(littleEndian: word)
                lengths[value] = UInt8(Swift.min(length, 8))
            }
        }
    }

    /// Writes `byte`'s replacement at `out` (which has eight bytes of room) and returns its length.
    @inline(__always)
    func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        UnsafeMutableRawPointer(out).storeBytes(of: words[Int(byte)], as: UInt64.self)
        return Int(lengths[Int(byte)])
    }
}

/// HTML text and attributes, as swift-mustache escapes them.
enum MarkupEscaper: ByteEscaper {
    typealias Specials = MarkupSpecials
    static var longestEscape: Int { 6 }
    @inline(__always)
    static func isReplaced(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
    static let table = EscapeTable(Self.self)
    @inline(__always)
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch byte {
        case UInt8(ascii: "&"): out.put("&amp;")
        case UInt8(ascii: "<"): out.put("&lt;")
        case UInt8(ascii: ">"): out.put("&gt;")
        case UInt8(ascii: "\""): out.put("&quot;")
        case UInt8(ascii: "'"): out.put("&#39;")
        default: 0
        }
    }
}

/// XML text: markup's escapes, and the control characters XML 1.0 does not allow left out.
enum XMLEscaper: ByteEscaper {
    typealias Specials = MarkupSpecials
    static var longestEscape: Int { 6 }
    @inline(__always)
    static func isReplaced(_ byte: UInt8) -> Bool {
        MarkupEscaper.isReplaced(byte) || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
    }
    static let table = EscapeTable(Self.self)
    @inline(__always)
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        MarkupEscaper.write(byte, to: out)
    }
}

/// XML text in a CDATA section (`TextBuffer.appendCDATA`): only the control characters XML 1.0
/// does not allow are replaced, by nothing.
enum CDATAEscaper: ByteEscaper {
    typealias Specials = ControlSpecials
    static var longestEscape: Int { 1 }
    @inline(__always)
    static func isReplaced(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int { 0 }
    static let table = EscapeTable(Self.self)
}

/// Control characters.
enum ControlSpecials: SpecialBytes {
    @inline(__always)
    static func find(in word: UInt64) -> UInt64 { Words.below(0x20, word) }
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
}

extension Array where Element == UInt8 {
    /// `utf8` with `& < > " '` escaped (as HTML, XML and swift-mustache write them). With `xml`,
    /// the control characters XML 1.0 does not allow are left out.
    mutating func appendEscapedMarkup(_ utf8: UnsafeBufferPointer<UInt8>, xml: Bool) {
        if xml { appendEscaping(utf8, XMLEscaper.self) } else { appendEscaping(utf8, MarkupEscaper.self) }
    }

    /// Appends `utf8` with the bytes `Escaper` replaces. The text is written into scratch
    /// memory first, eight plain bytes at a time, and appended once: appending each run
    /// between two escapes cost about ninety instructions a run, and markup has a run every
    /// few bytes. The bytes of a word with a special byte go through `Escaper.table`.
    mutating func appendEscaping<Escaper: ByteEscaper>(_ utf8: UnsafeBufferPointer<UInt8>, _: Escaper.Type) {
        guard let source = utf8.baseAddress, !utf8.isEmpty else { return }
        let count = utf8.count
        let table = Escaper.table
        // Room for the longest escape of every byte, and for the eight bytes the table writes
        // for the last one.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * Escaper.longestEscape + 8) { scratch in
            guard let out = scratch.baseAddress else { return }
            var written = 0
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = utf8.word(at: index)
                    if Escaper.Specials.find(in: word) == 0 {
                        UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                        written &+= 8
                        index &+= 8
                        continue
                    }
                }
                let end = Swift.min(count, index + 8)
                while index < end {
                    written &+= table.write(source[index], to: out + written)
                    index &+= 1
                }
            }
            append(contentsOf: UnsafeBufferPointer(start: out, count: written))
        }
    }
}

extension UnsafeMutablePointer<UInt8> {
    /// Writes `text` here and returns its length.
    @inline(__always)
    func put(_ text: StaticString) -> Int {
        text.withUTF8Buffer { bytes in
            for (offset, byte) in bytes.enumerated() { self[offset] = byte }
            return bytes.count
        }
    }
}
