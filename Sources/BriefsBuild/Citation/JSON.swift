/// A JSON value built in code (JSON-LD, CSL-JSON, JSON Feed), written by hand instead of with
/// `JSONSerialization`: that went through `Any`, bridging and a locale-aware key sort, and was
/// the largest single cost of a full build.
///
/// Keys are written sorted the way `JSONSerialization`'s `.sortedKeys` sorted them (ignoring
/// case), slashes are not escaped, and other characters are escaped only where JSON requires
/// it, so the output is byte-identical to what earlier versions wrote.
enum JSON: Sendable, Equatable {
    case string(String)
    /// A string given as UTF-8 bytes (a feed's full text, which is bytes from the start).
    case utf8([UInt8])
    case int(Int)
    case array([JSON])
    /// Pairs in any order; written sorted by key.
    case object([Pair])

    struct Pair: Sendable, Equatable {
        var key: String
        var value: JSON
    }

    /// An object from `key: value` pairs, dropping the pairs whose value is `nil`.
    static func object(_ pairs: KeyValuePairs<String, JSON?>) -> JSON {
        .object(pairs.compactMap { key, value in value.map { Pair(key: key, value: $0) } })
    }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }

    /// The JSON text. `pretty` indents by two spaces with `" : "` between key and value (the
    /// layout of the CSL-JSON downloads); `htmlSafe` escapes `<`, `>` and `&` so the text can
    /// sit inside a `<script>` element.
    func text(pretty: Bool = false, htmlSafe: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty, htmlSafe: htmlSafe), as: UTF8.self)
    }

    /// The JSON text as UTF-8, for writing it out without making a `String` of it.
    func bytes(pretty: Bool = false, htmlSafe: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, htmlSafe: htmlSafe)
        writer.write(self, depth: 0)
        return writer.bytes
    }
}

extension JSON: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .string(value) }
}

private struct JSONWriter {
    let pretty: Bool
    let htmlSafe: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool, htmlSafe: Bool) {
        self.pretty = pretty
        self.htmlSafe = htmlSafe
        bytes.reserveCapacity(1024)
    }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .string(let string):
            var string = string
            string.withUTF8 { write(utf8: $0) }
        case .utf8(let bytes): bytes.withUnsafeBufferPointer { write(utf8: $0) }
        case .int(let number): bytes.append(contentsOf: String(number).utf8)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(item, depth: depth + 1)
            }
            if !items.isEmpty { newline(depth) }
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            for (index, pair) in Self.sorted(pairs).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(.string(pair.key), depth: depth)
                if pretty { bytes.append(UInt8(ascii: " ")) }
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                write(pair.value, depth: depth + 1)
            }
            if !pairs.isEmpty { newline(depth) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Case-insensitive order, ties broken by the exact text (`_briefpress` before `authors`,
    /// `DOI` between `collection-title` and `genre`). Keys are compared byte by byte, folding
    /// ASCII letters: no lower-cased copies.
    static func sorted(_ pairs: [JSON.Pair]) -> [JSON.Pair] {
        guard pairs.count > 1 else { return pairs }
        // Most keys differ in their first eight bytes: compared as one number (folded, packed
        // big-endian), and only keys that agree there byte by byte.
        let prefixes = pairs.map { foldedPrefix($0.key) }
        func before(_ left: Int, _ right: Int) -> Bool {
            if prefixes[left] != prefixes[right] { return prefixes[left] < prefixes[right] }
            let folded = compareFolded(pairs[left].key, pairs[right].key)
            return folded != 0 ? folded < 0 : pairs[left].key < pairs[right].key
        }
        // Our objects list their keys in this order already (the order does not change the
        // output, only this shortcut): checked pair by pair instead of sorted.
        if pairs.indices.dropFirst().allSatisfy({ before($0 - 1, $0) }) { return pairs }
        let order = pairs.indices.sorted(by: before)
        return order.map { pairs[$0] }
    }

    /// The first eight bytes of `key`, ASCII letters folded, as a number that orders as they
    /// do (a shorter key is padded with zeros, so it comes first).
    private static func foldedPrefix(_ key: String) -> UInt64 {
        // On the contiguous bytes: iterating `String.UTF8View` cost more than the sort.
        var key = key
        return key.withUTF8 { bytes in
            let count = Swift.min(bytes.count, 8)
            var value: UInt64 = 0
            for index in 0..<count {
                let byte = bytes[index]
                value = value << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            }
            return count == 0 ? 0 : value << (8 * UInt64(8 - count))
        }
    }

    private static func compareFolded(_ left: String, _ right: String) -> Int {
        var a = left.utf8.makeIterator(), b = right.utf8.makeIterator()
        while true {
            switch (a.next(), b.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?):
                let foldedX = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
                let foldedY = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
                if foldedX != foldedY { return foldedX < foldedY ? -1 : 1 }
            }
        }
    }

    mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    mutating func write(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        if htmlSafe {
            bytes.appendEscaping(utf8, ScriptJSONEscaper.self)
        } else {
            bytes.appendEscaping(utf8, JSONEscaper.self)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// JSON strings: quotes, backslashes and control characters.
enum JSONEscaper: ByteEscaper {
    typealias Specials = JSONSpecials
    static var longestEscape: Int { 6 }
    @inline(__always)
    static func isReplaced(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
    static let table = EscapeTable(Self.self)
    @inline(__always)
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch byte {
        case 0x22: out.put(#"\""#)
        case 0x5C: out.put(#"\\"#)
        case 0x0A: out.put(#"\n"#)
        case 0x0D: out.put(#"\r"#)
        case 0x09: out.put(#"\t"#)
        case 0x08: out.put(#"\b"#)
        case 0x0C: out.put(#"\f"#)
        default: unicodeEscape(byte, out)
        }
    }

    /// `\u00XX`, six bytes.
    @inline(__always)
    static func unicodeEscape(_ byte: UInt8, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        let hex: StaticString = "0123456789abcdef"
        return hex.withUTF8Buffer { digits in
            out[0] = 0x5C
            out[1] = UInt8(ascii: "u")
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0")
            out[4] = digits[Int(byte >> 4)]
            out[5] = digits[Int(byte & 0x0F)]
            return 6
        }
    }
}

/// JSON strings inside a `<script>` element: also `< > &`, as `\u003c` and so on.
enum ScriptJSONEscaper: ByteEscaper {
    typealias Specials = ScriptJSONSpecials
    static var longestEscape: Int { 6 }
    @inline(__always)
    static func isReplaced(_ byte: UInt8) -> Bool {
        JSONEscaper.isReplaced(byte) || byte == 0x3C || byte == 0x3E || byte == 0x26
    }
    static let table = EscapeTable(Self.self)
    @inline(__always)
    static func write(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int { JSONEscaper.write(byte, to: out) }
}
