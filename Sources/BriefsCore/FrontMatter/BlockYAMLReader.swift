import Foundation

/// Reads the part of YAML that front matter is written in straight from its bytes: block
/// mappings and lists, one-line plain and quoted values, `|` and `>` blocks, one-line `[a, b]`
/// lists and comments. libyaml checks and decodes every character one by one before it scans
/// them, which made it the largest single cost of a full build (12 % of all instructions for a
/// brief whose front matter is nine tenths of its file).
///
/// It gives up (`nil`) on everything outside that part and on anything it is not sure libyaml
/// reads the same way: tabs, carriage returns and other control characters, multi-line plain
/// or quoted values, anchors, tags, flow mappings, escapes other than `\\ \" \/ \n \t`,
/// indentation indicators, repeated keys, odd indentation. The caller then reads the front
/// matter with libyaml, which decides and words any error. What it does return is what
/// libyaml's events give, value for value and position for position: the tests compare both
/// on hand-written documents and on thousands of mutations of real front matter.
enum BlockYAMLReader {
    /// The front matter's value (`.some(nil)` for an empty one), or `nil` to give up.
    static func read(_ yaml: String, path: String, firstLine: Int) -> YAMLNode?? {
        var contiguous = yaml
        return contiguous.withUTF8 { bytes -> YAMLNode?? in
            var parser = Parser(source: yaml, bytes: bytes, path: path, firstLine: firstLine)
            do {
                return .some(try parser.document())
            } catch {
                return nil
            }
        }
    }
}

private struct GiveUp: Error {}

private struct Parser {
    /// The text whose UTF-8 `bytes` are: values are cut from it as `Substring`s, which copy
    /// without checking the UTF-8 again (it was checked when the file was read).
    let source: String
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    let firstLine: Int
    var budget = YAMLReader.nodeLimit
    /// Lists and mappings open around the value being read. Deeper front matter is left to
    /// libyaml, which stops at 1,000 levels with an error; reading it here would recurse until
    /// the stack runs out (a line of 15,000 `- ` did).
    var depth = 0
    static let depthLimit = 100
    /// Most keys of one mapping, and items of one `[a, b]` list, this reader takes.
    static let pairLimit = 256
    /// The current line: its first byte, the byte after its last (its `\n` or the end of the
    /// text), and its number counted from 0. `start > bytes.count` once all lines are read.
    var start = 0
    var end = 0
    var number = 0

    init(source: String, bytes: UnsafeBufferPointer<UInt8>, path: String, firstLine: Int) {
        self.source = source
        self.bytes = bytes
        self.path = path
        self.firstLine = firstLine
        end = lineEnd(from: 0)
    }

    // MARK: Lines

    private var atEnd: Bool { start > bytes.count }

    private func lineEnd(from index: Int) -> Int {
        var index = index
        while index < bytes.count, bytes[index] != .newline { index += 1 }
        return index
    }

    private mutating func advance() {
        start = end + 1
        number += 1
        end = start > bytes.count ? start : lineEnd(from: start)
    }

    private func spaces(at index: Int) -> Int {
        var index = index
        while index < end, bytes[index] == .space { index += 1 }
        return index
    }

    /// Moves to the next line with content (not blank, not a comment) and returns its
    /// indentation; `nil` at the end.
    private mutating func nextContentLine() throws(GiveUp) -> Int? {
        while !atEnd {
            let first = spaces(at: start)
            if first < end, bytes[first] != .hash {
                let indent = first - start
                // `---` and `...` at the margin start or end a document: libyaml's business.
                if indent == 0, end - start >= 3, bytes[start] == .dash || bytes[start] == .dot,
                   bytes[start + 1] == bytes[start], bytes[start + 2] == bytes[start],
                   start + 3 == end || bytes[start + 3] == .space {
                    throw GiveUp()
                }
                return indent
            }
            advance()
        }
        return nil
    }

    /// The indentation of the next line that is not blank (comments count), without moving.
    private func nextNonBlankIndent() -> Int? {
        var lineStart = start
        while lineStart <= bytes.count {
            var index = lineStart
            while index < bytes.count, bytes[index] == .space { index += 1 }
            if index < bytes.count, bytes[index] != .newline { return index - lineStart }
            lineStart = index + 1
        }
        return nil
    }

    /// After a value that ends within its line: nothing but spaces and a comment may follow.
    private mutating func finishLine(after index: Int) throws(GiveUp) {
        let rest = spaces(at: index)
        guard rest == end || (bytes[rest] == .hash && rest > index) else { throw GiveUp() }
        advance()
    }

    // MARK: Values

    private func location(_ index: Int) -> SourceLocation {
        // libyaml counts columns in characters: one per UTF-8 lead byte.
        var column = 1
        for position in start..<index where bytes[position] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(path: path, line: number + firstLine, column: column)
    }

    /// `bytes[range]` as part of `source`. Ranges start and end at ASCII bytes (or the end),
    /// so they fall on scalar boundaries.
    private func substring(_ range: Range<Int>) -> Substring {
        let utf8 = source.utf8
        return source[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
    }

    /// Short texts fit in a `String` itself, and decoding them is cheaper than slicing.
    private func text(_ range: Range<Int>) -> String {
        range.count <= 15 ? String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) : String(substring(range))
    }

    /// A plain scalar written on one line, `bytes[range]`: its length (one per lead byte, as
    /// `YAMLReader.scalar` counts) taken from the bytes already at hand.
    private func plain(_ range: Range<Int>) -> YAMLScalar {
        var length = 0
        for position in range where bytes[position] & 0xC0 != 0x80 { length += 1 }
        return YAMLScalar(text: text(range), style: .plain, location: location(range.lowerBound), length: length)
    }

    private mutating func enter() throws(GiveUp) {
        depth += 1
        guard depth <= Self.depthLimit else { throw GiveUp() }
    }

    private mutating func spend() throws(GiveUp) {
        budget -= 1
        guard budget >= 0 else { throw GiveUp() }
    }

    private mutating func empty(at location: SourceLocation) throws(GiveUp) -> YAMLNode {
        try spend()
        return .scalar(YAMLReader.scalar(text: "", style: .plain, location: location))
    }

    mutating func document() throws(GiveUp) -> YAMLNode? {
        try checkCharacters()
        guard let indent = try nextContentLine() else { return nil }
        guard indent == 0 else { throw GiveUp() }
        let root = try node(at: start, parent: -1, afterKey: false)
        guard try nextContentLine() == nil else { throw GiveUp() }
        return root
    }

    /// Characters libyaml refuses or reads as line breaks (tab, carriage return, other control
    /// characters, NEL, the line and paragraph separators, byte order marks, U+FFFE/U+FFFF).
    private func checkCharacters() throws(GiveUp) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index < count {
            // Eight bytes at a time while they are ASCII, above 0x1F and not DEL (most of a
            // front matter); a word with anything else, a line break included, byte by byte.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let control = (word &- ones &* 0x20) & ~word
                let delete = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F))
                if (word | control | delete) & highs == 0 {
                    index += 8
                    continue
                }
            }
            let stop = min(index + 8, count)
            while index < stop {
                try checkCharacter(at: index)
                index += 1
            }
        }
    }

    private func checkCharacter(at index: Int) throws(GiveUp) {
        let byte = bytes[index]
        if byte < 0x80 {
            if (byte < 0x20 && byte != .newline) || byte == 0x7F { throw GiveUp() }
            return
        }
        guard byte == 0xC2 || byte == 0xE2 || byte == 0xEF, index + 1 < bytes.count else { return }
        let next = bytes[index + 1]
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch byte {
        case 0xC2 where next < 0xA0: throw GiveUp()
        case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): throw GiveUp()
        case 0xEF where (next == 0xBB && third == 0xBF) || (next == 0xBF && third >= 0xBE): throw GiveUp()
        default: break
        }
    }

    private func isEntry(_ index: Int) -> Bool {
        bytes[index] == .dash && (index + 1 == end || bytes[index + 1] == .space)
    }

    /// The value that starts at `index` of the current line; `parent` is the indentation of
    /// the mapping or list it belongs to, `afterKey` whether a key stands before it on the line.
    private mutating func node(at index: Int, parent: Int, afterKey: Bool) throws(GiveUp) -> YAMLNode {
        try spend()
        switch bytes[index] {
        case .dash where isEntry(index):
            guard !afterKey else { throw GiveUp() }
            return try sequence(at: index, indentless: false)
        case .doubleQuote, .singleQuote:
            let (scalar, after) = try quoted(at: index)
            try finishLine(after: after)
            return .scalar(scalar)
        case .openBracket:
            let (sequence, after) = try flowSequence(at: index)
            try finishLine(after: after)
            return sequence
        case .pipe, .greater:
            return .scalar(try blockScalar(at: index, parent: parent))
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","), .hash, .colon,
             UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%"),
             UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw GiveUp()
        default:
            break
        }
        let (textEnd, colon) = scanPlain(from: index)
        if let colon {
            guard !afterKey else { throw GiveUp() }
            return try mapping(at: index, colon: colon)
        }
        var last = textEnd
        while last > index, bytes[last - 1] == .space { last -= 1 }
        let scalar = plain(index..<last)
        advance()
        // A more indented line after a plain value continues it (libyaml folds the lines).
        if let next = nextNonBlankIndent(), next > parent { throw GiveUp() }
        return .scalar(scalar)
    }

    /// Where a plain value starting at `index` ends (a comment or the line's end), or the colon
    /// that makes it a key.
    private func scanPlain(from index: Int) -> (end: Int, colon: Int?) {
        var position = index
        while position < end {
            let byte = bytes[position]
            if byte == .colon, position + 1 == end || bytes[position + 1] == .space { return (position, position) }
            if byte == .hash, position > index, bytes[position - 1] == .space { return (position, nil) }
            position += 1
        }
        return (end, nil)
    }

    private mutating func mapping(at index: Int, colon firstColon: Int) throws(GiveUp) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let indent = index - start
        let location = location(index)
        var pairs: [YAMLPair] = []
        var keyStart = index
        var colon = firstColon
        while true {
            guard colon - keyStart <= 1024, bytes[colon - 1] != .space else { throw GiveUp() }
            let key = plain(keyStart..<colon)
            // Repeated keys are an error libyaml's way words. Keys are compared one by one, which
            // is cheap for the dozen a front matter has; a mapping of hundreds (never a brief's)
            // is left to libyaml rather than compared pair by pair here.
            guard pairs.count < Self.pairLimit, !pairs.contains(where: { $0.key.text == key.text }) else { throw GiveUp() }
            let valueStart = spaces(at: colon + 1)
            let value: YAMLNode
            if valueStart < end, bytes[valueStart] != .hash {
                value = try node(at: valueStart, parent: indent, afterKey: true)
            } else {
                // libyaml places an empty value right after the colon.
                let emptyAt = self.location(colon + 1)
                advance()
                let next = try nextContentLine()
                if let next, next > indent {
                    value = try node(at: start + next, parent: indent, afterKey: false)
                } else if let next, next == indent, isEntry(start + next) {
                    try spend()
                    value = try sequence(at: start + next, indentless: true)
                } else {
                    value = try empty(at: emptyAt)
                }
            }
            pairs.append(YAMLPair(key: key, value: value))
            guard let next = try nextContentLine(), next >= indent else { break }
            guard next == indent else { throw GiveUp() }
            keyStart = start + indent
            guard let keyColon = self.keyColon(at: keyStart) else { throw GiveUp() }
            colon = keyColon
        }
        return .mapping(pairs, location)
    }

    /// The colon of a plain `key:` at `index`, or `nil` when the line is something else.
    private func keyColon(at index: Int) -> Int? {
        switch bytes[index] {
        case .dash where isEntry(index): return nil
        case .doubleQuote, .singleQuote, .openBracket, .pipe, .greater, UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "]"), UInt8(ascii: ","), .hash, .colon, UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil
        default:
            return scanPlain(from: index).colon
        }
    }

    private mutating func sequence(at index: Int, indentless: Bool) throws(GiveUp) -> YAMLNode {
        try enter()
        defer { depth -= 1 }
        let indent = index - start
        let location = location(index)
        var items: [YAMLNode] = []
        var dash = index
        while true {
            let valueStart = spaces(at: dash + 1)
            if valueStart < end, bytes[valueStart] != .hash {
                items.append(try node(at: valueStart, parent: indent, afterKey: false))
            } else {
                // libyaml places an empty entry right after its dash.
                let emptyAt = self.location(dash + 1)
                advance()
                if let next = try nextContentLine(), next > indent {
                    items.append(try node(at: start + next, parent: indent, afterKey: false))
                } else {
                    items.append(try empty(at: emptyAt))
                }
            }
            guard let next = try nextContentLine(), next >= indent else { break }
            guard next == indent else { throw GiveUp() }
            guard isEntry(start + indent) else {
                // A list written at its key's indentation ends where the next key starts.
                if indentless { break }
                throw GiveUp()
            }
            dash = start + indent
        }
        return .sequence(items, location)
    }

    /// A `"…"` or `'…'` value on one line; returns it and the index after its closing quote.
    private func quoted(at index: Int) throws(GiveUp) -> (YAMLScalar, Int) {
        let quote = bytes[index]
        var value: [UInt8] = []
        var position = index + 1
        var run = position
        while true {
            guard position < end else { throw GiveUp() }
            let byte = bytes[position]
            if byte == quote {
                if quote == .singleQuote, position + 1 < end, bytes[position + 1] == .singleQuote {
                    value.append(contentsOf: bytes[run..<position])
                    value.append(.singleQuote)
                    position += 2
                    run = position
                    continue
                }
                position += 1
                break
            }
            if quote == .doubleQuote, byte == .backslash {
                value.append(contentsOf: bytes[run..<position])
                guard position + 1 < end else { throw GiveUp() }
                switch bytes[position + 1] {
                case .backslash: value.append(.backslash)
                case .doubleQuote: value.append(.doubleQuote)
                case UInt8(ascii: "/"): value.append(UInt8(ascii: "/"))
                case UInt8(ascii: "n"): value.append(.newline)
                case UInt8(ascii: "t"): value.append(0x09)
                default: throw GiveUp()
                }
                position += 2
                run = position
                continue
            }
            position += 1
        }
        let style: YAMLScalar.Style = quote == .doubleQuote ? .doubleQuoted : .singleQuoted
        // Without escapes the value is the text between the quotes; otherwise the pieces so
        // far and the rest up to the closing quote.
        let text: String
        if run == index + 1 {
            text = self.text((index + 1)..<(position - 1))
        } else {
            value.append(contentsOf: bytes[run..<(position - 1)])
            text = String(decoding: value, as: UTF8.self)
        }
        return (YAMLReader.scalar(text: text, style: style, location: location(index)), position)
    }

    /// A `[a, b, "c"]` list on one line; returns it and the index after its `]`.
    private mutating func flowSequence(at index: Int) throws(GiveUp) -> (YAMLNode, Int) {
        let location = location(index)
        var items: [YAMLNode] = []
        var position = spaces(at: index + 1)
        if position < end, bytes[position] == .closeBracket { return (.sequence([], location), position + 1) }
        while true {
            try spend()
            // Each item's column is counted from the line's start: a one-line list of hundreds
            // (never a brief's keywords) is left to libyaml.
            guard position < end, items.count < Self.pairLimit else { throw GiveUp() }
            switch bytes[position] {
            case .doubleQuote, .singleQuote:
                let (scalar, after) = try quoted(at: position)
                items.append(.scalar(scalar))
                position = after
            default:
                let first = position
                while position < end, bytes[position] != UInt8(ascii: ","), bytes[position] != .closeBracket {
                    switch bytes[position] {
                    case .openBracket, UInt8(ascii: "{"), UInt8(ascii: "}"), .hash, .colon, .doubleQuote, .singleQuote,
                         UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%"),
                         UInt8(ascii: "@"), UInt8(ascii: "`"), .pipe, .greater:
                        throw GiveUp()
                    case .dash where position == first && (position + 1 == end || bytes[position + 1] == .space):
                        throw GiveUp()
                    default:
                        position += 1
                    }
                }
                var last = position
                while last > first, bytes[last - 1] == .space { last -= 1 }
                guard last > first else { throw GiveUp() }
                items.append(.scalar(plain(first..<last)))
            }
            position = spaces(at: position)
            guard position < end else { throw GiveUp() }
            if bytes[position] == .closeBracket { return (.sequence(items, location), position + 1) }
            guard bytes[position] == UInt8(ascii: ",") else { throw GiveUp() }
            position = spaces(at: position + 1)
            // `[a, ]` and `[a,, b]`: libyaml's rules.
            guard position < end, bytes[position] != .closeBracket, bytes[position] != UInt8(ascii: ",") else { throw GiveUp() }
        }
    }

    /// A `|` or `>` block; `parent` is the indentation its lines must go beyond.
    private mutating func blockScalar(at index: Int, parent: Int) throws(GiveUp) -> YAMLScalar {
        let literal = bytes[index] == .pipe
        // -1 strip (`|-`), 0 clip (`|`), 1 keep (`|+`)
        var chomping = 0
        var position = index + 1
        if position < end, bytes[position] == .dash {
            chomping = -1
            position += 1
        } else if position < end, bytes[position] == UInt8(ascii: "+") {
            chomping = 1
            position += 1
        }
        // An indentation indicator or a comment after the indicator: libyaml's way.
        guard spaces(at: position) == end else { throw GiveUp() }
        let location = location(index)
        advance()
        // Blank lines before the first line with text; its indentation is the block's.
        var leadingBreaks = 0
        var widestBlank = 0
        var indent = 0
        while true {
            guard !atEnd else { throw GiveUp() }
            let first = spaces(at: start)
            if first < end {
                indent = first - start
                break
            }
            widestBlank = max(widestBlank, first - start)
            leadingBreaks += 1
            advance()
        }
        guard indent > parent, indent >= 1, widestBlank <= indent else { throw GiveUp() }
        var value = String(repeating: "\n", count: leadingBreaks)
        var pendingBreaks = 0
        var lastHadBreak = false
        var firstLine = true
        while !atEnd {
            let first = spaces(at: start)
            if first == end {
                // A blank line, kept as a line break; one with more spaces than the indentation
                // would carry them as text.
                guard first - start <= indent else { throw GiveUp() }
                if end < bytes.count { pendingBreaks += 1 }
                advance()
                continue
            }
            if first - start < indent { break }
            // More indented lines change how `>` folds: libyaml's way.
            if !literal, first - start > indent { throw GiveUp() }
            if !firstLine {
                if literal {
                    value.append("\n")
                    for _ in 0..<pendingBreaks { value.append("\n") }
                } else if pendingBreaks == 0 {
                    value.append(" ")
                } else {
                    for _ in 0..<pendingBreaks { value.append("\n") }
                }
            }
            firstLine = false
            pendingBreaks = 0
            value.append(contentsOf: substring((start + indent)..<end))
            lastHadBreak = end < bytes.count
            advance()
        }
        if chomping >= 0, lastHadBreak { value.append("\n") }
        if chomping == 1 { for _ in 0..<pendingBreaks { value.append("\n") } }
        return YAMLReader.scalar(text: value, style: literal ? .literal : .folded, location: location)
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let pipe = UInt8(ascii: "|")
    static let greater = UInt8(ascii: ">")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
}
