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
        pairs.sorted { left, right in
            let folded = compareFolded(left.key, right.key)
            return folded != 0 ? folded < 0 : left.key < right.key
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
        // A feed's full text has a quote or a line break every few dozen bytes.
        bytes.makeRoom(forEscaping: utf8.count)
        var runStart = 0
        var chunk = 0
        while chunk < utf8.count {
            chunk = htmlSafe ? utf8.skippingPlainWords(from: chunk, ScriptJSONSpecials.self)
                : utf8.skippingPlainWords(from: chunk, JSONSpecials.self)
            let end = min(utf8.count, chunk + 8)
            defer { chunk = end }
            for index in chunk..<end {
                let byte = utf8[index]
                // Letters and every byte of a multi-byte character are above the specials.
                if byte > 0x5C { continue }
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C
                        || (htmlSafe && (byte == 0x3C || byte == 0x3E || byte == 0x26)) else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    hex.withUTF8Buffer { digits in
                        bytes.append(digits[Int(byte >> 4)])
                        bytes.append(digits[Int(byte & 0x0F)])
                    }
                }
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }
}
