/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text between tags, as the UTF-8 it is written out as.
    case text([UInt8])
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; `indentation` for a partial alone on its line, `overrides` for `{{< name}}`.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?, dynamic: Bool)
    /// `{{$ name}}…{{/ name}}` outside a `{{< parent}}`: the default content of a block.
    case block(String, defaultContent: [TemplateNode], indentation: [UInt8]?)
    /// `{{% CONTENT_TYPE: TEXT}}` turns escaping off for the rest of the template.
    case escaping(Bool)
}

/// A name as written in a tag, split once when the theme loads.
struct TemplateName: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `{{.}}`: the current item.
        case current
        /// `{{first()}}`: the position in the list being shown.
        case sequence
        /// `{{.name}}`: only the current item, not the enclosing ones.
        case currentOnly
        /// `{{a.b}}`: `a` looked up from the innermost item outwards, then `b` in it.
        case path
    }

    var kind: Kind
    var components: [TemplateKey]
    /// Applied last to first: `uppercased(name)`.
    var transforms: [String]

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms
        components = name.split(separator: ".").map { TemplateKey(String($0)) }
        if name == "." {
            kind = .current
        } else if name.isEmpty, !transforms.isEmpty {
            kind = .sequence
        } else if name.first == "." {
            kind = .currentOnly
        } else {
            kind = .path
        }
    }
}

/// Parses Mustache the way swift-mustache does (which checks the syntax first and reports
/// errors with their position): the same tags, the same rules for lines that hold only a tag,
/// the same indentation of partials and blocks, so both give the same text.
struct TemplateParser {
    struct Failure: Error, Sendable {
        var message: String
    }

    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser(text)
        return try parser.parse(State())
    }

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: [Character]?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheritance(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    // MARK: - Cursor

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    @discardableResult
    private mutating func read(while matches: (Character) -> Bool) -> [Character] {
        let start = position
        while !atEnd, matches(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    private mutating func read(_ expected: [Character]) -> Bool {
        guard position + expected.count <= characters.count,
              Array(characters[position..<position + expected.count]) == expected else { return false }
        position += expected.count
        return true
    }

    // MARK: - Parsing

    private mutating func parse(_ initial: State) throws -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespace: [Character] = []
        func flushWhitespace() {
            if !whitespace.isEmpty { nodes.append(.text(Self.bytes(whitespace))) }
            whitespace = []
        }
        while !atEnd {
            if state.newLine {
                let leading = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespace = Array(leading.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = leading
                    }
                } else {
                    whitespace = leading
                }
            }
            let text = try readTextUntilTagOrNewline(state)
            if current.isNewline {
                nodes.append(.text(Self.bytes(whitespace + text + [current])))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Self.bytes(whitespace + text)))
                whitespace = []
                state.newLine = false
            }
            if atEnd { break }
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try readName(state)
                if isStandalone(state) {
                    standalone = true
                } else {
                    flushWhitespace()
                }
                let content = try parse(state.section(name, newLine: standalone, transforms: transforms))
                nodes.append(.section(TemplateName(name, transforms: transforms), content, inverted: inverted))
            case "/":
                position += 1
                let (name, transforms) = try readName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw Failure(message: "a section is closed with a different name than it was opened with")
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                standalone = isStandalone(state)
            case "{", "&":
                flushWhitespace()
                let triple = current == "{"
                position += 1
                let (name, transforms) = try readName(state)
                if triple {
                    guard current == "}" else { throw Failure(message: "a tag is not closed with '}}}'") }
                    position += 1
                }
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: false))
            case ">":
                position += 1
                read { Self.isSpace($0) }
                let dynamic = current == "*"
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                flushWhitespaceKeeping(&nodes, whitespace)
                let indentation: [UInt8]?
                if isStandalone(state) {
                    standalone = true
                    indentation = Self.bytes(whitespace)
                } else {
                    indentation = nil
                }
                nodes.append(.partial(name, indentation: indentation, overrides: nil, dynamic: dynamic))
                whitespace = []
            case "<":
                position += 1
                read { Self.isSpace($0) }
                let sectionName = try readPartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                flushWhitespaceKeeping(&nodes, whitespace)
                standalone = isStandalone(state)
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parseInheritance(state.inheritance(sectionName)) {
                    if case .block(let blockName, let content, _) = node { overrides[blockName] = content }
                }
                nodes.append(.partial(name, indentation: Self.bytes(whitespace), overrides: overrides, dynamic: dynamic))
                whitespace = []
            case "$":
                position += 1
                let (name, transforms) = try readName(state)
                guard transforms.isEmpty else { throw Failure(message: "a block cannot have a transform") }
                if state.isPartialDefinitionTopLevel {
                    standalone = isStandalone(state)
                    let content = try parse(state.section(name, newLine: standalone))
                    // Inside `{{< parent}}`: an override, collected by `parseInheritance`.
                    nodes.append(.block(name, defaultContent: content, indentation: nil))
                } else {
                    flushWhitespaceKeeping(&nodes, whitespace)
                    standalone = isStandalone(state)
                    let content = try parse(state.section(name, newLine: standalone))
                    nodes.append(.block(name, defaultContent: content, indentation: Self.bytes(whitespace)))
                    whitespace = []
                }
            case "=":
                position += 1
                state = try readDelimiters(state)
                standalone = isStandalone(state)
            case "%":
                position += 1
                nodes.append(.escaping(try readContentType(state)))
                standalone = isStandalone(state)
            default:
                flushWhitespace()
                let (name, transforms) = try readName(state)
                nodes.append(.variable(TemplateName(name, transforms: transforms), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Failure(message: "a section {{#…}} is never closed with {{/…}}") }
        return nodes
    }

    /// The content of `{{< parent}}…{{/parent}}`: block overrides; text between them is ignored.
    private mutating func parseInheritance(_ state: State) throws -> [TemplateNode] {
        let nodes = try parse(state)
        for node in nodes {
            switch node {
            case .block, .text: continue
            default: throw Failure(message: "only {{$block}} overrides may stand inside {{<parent}}")
            }
        }
        return nodes
    }

    /// Partials and blocks keep the whitespace before them as text (it indents their first line)
    /// but still use it as their indentation.
    private func flushWhitespaceKeeping(_ nodes: inout [TemplateNode], _ whitespace: [Character]) {
        if !whitespace.isEmpty { nodes.append(.text(Self.bytes(whitespace))) }
    }

    /// Text up to the next tag (whose opening delimiter is consumed) or line break.
    private mutating func readTextUntilTagOrNewline(_ state: State) throws -> [Character] {
        var text: [Character] = []
        guard let first = state.startDelimiter.first else { return [] }
        // One-byte characters (nearly all of a template) are compared by their byte.
        let firstByte = first.utf8.count == 1 ? first.utf8.first : nil
        while !atEnd {
            let character = characters[position]
            let byte = character.utf8.count == 1 ? character.utf8.first : nil
            if byte == 0x0A || (byte == nil && character == "\r\n") { break }
            // Two one-byte characters are equal when their bytes are; a one-byte and a longer one never.
            let isFirst = byte != nil || firstByte != nil ? byte == firstByte : character == first
            if isFirst {
                // swift-mustache refuses a text that ends within a delimiter's length of its
                // first character (a template ending in `{`); so does this parser.
                guard position + state.startDelimiter.count <= characters.count else {
                    throw Failure(message: "the template ends in the middle of a tag")
                }
                if read(state.startDelimiter) { break }
                text.append(character)
                position += 1
                continue
            }
            text.append(character)
            position += 1
        }
        return text
    }

    private mutating func readName(_ state: State) throws -> (String, [String]) {
        read { Self.isSpace($0) }
        let text = String(read { Self.isNameCharacter($0) })
        read { Self.isSpace($0) }
        guard read(state.endDelimiter) else { throw Failure(message: "a tag is not closed with '}}'") }
        // `a(b(name))`: transforms around the name.
        guard let open = text.firstIndex(of: "(") else {
            guard !text.utf8.contains(UInt8(ascii: ")")) else { throw Failure(message: "a transform is not opened with '('") }
            return (text, [])
        }
        var transforms = [String(text[..<open])]
        var rest = text[text.index(after: open)...]
        while let next = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<next]))
            rest = rest[rest.index(after: next)...]
        }
        guard let close = rest.firstIndex(of: ")"), rest[close...].allSatisfy({ $0 == ")" }),
              rest[close...].count == transforms.count else {
            throw Failure(message: "a transform is not closed with ')'")
        }
        return (String(rest[..<close]), transforms)
    }

    private mutating func readPartialName(_ state: State) throws -> String {
        read { Self.isSpace($0) }
        let text = String(read { Self.isNameCharacter($0, slash: true) })
        read { Self.isSpace($0) }
        guard read(state.endDelimiter) else { throw Failure(message: "a tag is not closed with '}}'") }
        return text
    }

    private mutating func skipComment(_ state: State) throws {
        while !atEnd {
            if read(state.endDelimiter) { return }
            position += 1
        }
        throw Failure(message: "a comment is not closed with '}}'")
    }

    private mutating func readDelimiters(_ state: State) throws -> State {
        read { Self.isSpace($0) }
        let start = read { !Self.isSpace($0) }
        read { Self.isSpace($0) }
        let end = read { $0 != "=" && !Self.isSpace($0) }
        read { Self.isSpace($0) }
        guard current == "=" else { throw Failure(message: "the delimiter change {{=…=}} is malformed") }
        position += 1
        guard read(state.endDelimiter), !start.isEmpty, !end.isEmpty else {
            throw Failure(message: "the delimiter change {{=…=}} is malformed")
        }
        var next = state
        next.startDelimiter = start
        next.endDelimiter = end
        next.isPartialDefinitionTopLevel = false
        return next
    }

    /// `{{% CONTENT_TYPE: HTML}}` (escape) or `TEXT` (do not).
    private mutating func readContentType(_ state: State) throws -> Bool {
        read { Self.isSpace($0) }
        let variable = String(read { Self.isNameCharacter($0, brackets: false) })
        read { Self.isSpace($0) }
        guard current == ":" else { throw Failure(message: "expected CONTENT_TYPE: HTML or TEXT") }
        position += 1
        read { Self.isSpace($0) }
        let value = String(read { Self.isNameCharacter($0, brackets: false) })
        read { Self.isSpace($0) }
        guard read(state.endDelimiter), variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            throw Failure(message: "expected CONTENT_TYPE: HTML or TEXT")
        }
        return value == "HTML"
    }

    /// A tag alone on its line (with spaces around it): the whole line, line break included, goes.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    private static func bytes(_ characters: [Character]) -> [UInt8] { Array(String(characters).utf8) }

    // Character classes by ASCII value: looking `Character`s up in a `Set` (hashing each one)
    // and Unicode property checks made parsing the theme cost more than rendering a brief.

    /// `0-9 a-z A-Z . - _ ? *`, with `brackets` also `( )`, with `slash` also `/`.
    private static func isNameCharacter(_ character: Character, brackets: Bool = true, slash: Bool = false) -> Bool {
        guard character.utf8.count == 1, let byte = character.utf8.first else { return false }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            return true
        case UInt8(ascii: "("), UInt8(ascii: ")"): return brackets
        case UInt8(ascii: "/"): return slash
        default: return false
        }
    }

    /// `Character.isWhitespace`, decided on the byte for the usual one-byte characters.
    private static func isSpace(_ character: Character) -> Bool {
        if character.utf8.count == 1, let byte = character.utf8.first {
            return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }
        return character.isWhitespace
    }
}
