import Glibc

/// The renderer's HTML, built up as UTF-8 bytes. A fragment is hundreds of small pieces (tags,
/// escaped text, ids, numbers); appended to a `String`, each went through an interpolation or
/// an escaped copy of the text. As bytes, handed on as bytes, the renderer takes about two
/// fifths fewer instructions.
struct HTMLOutput {
    var bytes: [UInt8] = []

    init() {}

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var isEmpty: Bool { bytes.isEmpty }

    /// The bytes as a `String` (for tests: the pages take the bytes, `RenderedMarkdown.htmlUTF8`;
    /// making a `String` checks the UTF-8 again, a third of the renderer's instructions).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A literal of our own markup. Named apart from `append(_:)` so that a string literal
    /// cannot quietly pick the `String` overload, which copies through a `String`.
    mutating func appendLiteral(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        // A copy in a local variable: `withUTF8` is mutating (it may make a bridged string
        // contiguous first).
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

    /// `number` in decimal digits (a `-` first if negative), without making a `String`.
    mutating func appendDecimal(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        // The magnitude as unsigned: `Int.min` has no positive counterpart.
        var value = number.magnitude
        var unit: UInt = 1
        // `unit * 10 <= value` here, so it never overflows.
        while value / unit >= 10 { unit *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / unit))
            value %= unit
            unit /= 10
        } while unit > 0
    }

    /// `text` with `& < > "` escaped, enough for text and for double-quoted attribute values
    /// (`'` is left as it is: our attributes are all double-quoted). Most text has none of them,
    /// or a few: each is found in the contiguous UTF-8 with `memchr` (glibc's looks at 32 bytes
    /// a step), and the runs between them are copied whole. A loop over the bytes took two and a
    /// half times the instructions, one over eight bytes at a time (as a `UInt64`) one and a half.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return }
            let end = base + utf8.count
            // Where `byte` next occurs from `start` on, or `end`.
            func next(_ byte: UInt8, from start: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
                guard start < end, let found = memchr(start, Int32(byte), start.distance(to: end)) else { return end }
                return UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            }
            var ampersand = next(UInt8(ascii: "&"), from: base)
            var less = next(UInt8(ascii: "<"), from: base)
            var greater = next(UInt8(ascii: ">"), from: base)
            var quote = next(UInt8(ascii: "\""), from: base)
            var runStart = base
            while true {
                let special = Swift.min(ampersand, less, greater, quote)
                guard special < end else { break }
                if special > runStart {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: runStart, count: runStart.distance(to: special)))
                }
                runStart = special + 1
                // Only the special just written is looked for again, from the byte after it.
                if special == ampersand {
                    appendLiteral("&amp;")
                    ampersand = next(UInt8(ascii: "&"), from: runStart)
                } else if special == less {
                    appendLiteral("&lt;")
                    less = next(UInt8(ascii: "<"), from: runStart)
                } else if special == greater {
                    appendLiteral("&gt;")
                    greater = next(UInt8(ascii: ">"), from: runStart)
                } else {
                    appendLiteral("&quot;")
                    quote = next(UInt8(ascii: "\""), from: runStart)
                }
            }
            if end > runStart {
                bytes.append(contentsOf: UnsafeBufferPointer(start: runStart, count: runStart.distance(to: end)))
            }
        }
    }

    /// Whether the output ends a line, judged as `String.last == "\n"` judged it before the
    /// renderer wrote bytes: CR LF is one `Character` there, not a line break of its own, so
    /// text ending in `&#13;&#10;` still gets a `\n` after it (output stays byte for byte the same).
    var endsWithNewline: Bool {
        let count = bytes.count
        guard count > 0, bytes[count - 1] == UInt8(ascii: "\n") else { return false }
        return count < 2 || bytes[count - 2] != UInt8(ascii: "\r")
    }
}
