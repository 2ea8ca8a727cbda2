import Foundation

/// Typed, positioned reading of YAML values that turns every mismatch into a diagnostic an
/// editor understands, and remembers which keys were read so the rest can be reported as unknown.
struct FieldReader {
    let path: String
    /// The whole file's lines, to find where a block scalar's text starts.
    let fileLines: SourceLines
    var diagnostics: [Diagnostic] = []

    init(path: String, fileText: String) {
        self.path = path
        self.fileLines = SourceLines(fileText)
    }

    mutating func report(_ problem: some DiagnosticMessage, at location: SourceLocation, length: Int = 1) {
        diagnostics.append(Diagnostic(problem, at: location, length: length))
    }

    // MARK: - Shapes

    /// The fields of a mapping, or a wrong-type diagnostic.
    mutating func fields(_ node: YAMLNode, name: String) -> Fields? {
        guard case .mapping(let pairs, let location) = node else {
            if case .scalar(let scalar) = node, scalar.isNull { return Fields(pairs: [], location: node.location) }
            report(FrontMatterProblem.wrongType(field: name, expected: "a group of fields", found: node.kindDescription),
                   at: node.location)
            return nil
        }
        return Fields(pairs: pairs, location: location)
    }

    /// The items of a list; a single value counts as a list of one, an empty value as none.
    mutating func list(_ node: YAMLNode, name: String) -> [YAMLNode] {
        switch node {
        case .sequence(let items, _): return items
        case .scalar(let scalar) where scalar.isNull: return []
        case .scalar: return [node]
        case .mapping:
            report(FrontMatterProblem.wrongType(field: name, expected: "a list (lines starting with '- ')", found: "a group of fields"),
                   at: node.location)
            return []
        }
    }

    // MARK: - Scalars

    /// A text value; `nil` when it is empty (reported if `required`) or not text.
    /// `context` (where the field sits, for the message) is made only when a problem is reported.
    mutating func string(_ node: YAMLNode?, name: String, required: Bool = false, context: @autoclosure () -> String? = nil,
                         at missingLocation: SourceLocation? = nil) -> Located<String>? {
        guard let node else {
            if required, let missingLocation {
                report(FrontMatterProblem.missingField(field: name, context: context()), at: missingLocation)
            }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(FrontMatterProblem.wrongType(field: name, expected: "a single value", found: node.kindDescription),
                   at: node.location)
            return nil
        }
        let text = scalar.text.trimmingWhitespace()
        if scalar.isNull || text.isEmpty {
            if required {
                report(FrontMatterProblem.emptyValue(field: name), at: scalar.location)
            }
            return nil
        }
        return Located(text, at: scalar.location, length: scalar.length)
    }

    mutating func int(_ node: YAMLNode?, name: String) -> Located<Int>? {
        guard let value = string(node, name: name) else { return nil }
        guard let number = Int(value.value) else {
            report(FrontMatterProblem.wrongType(field: name, expected: "a whole number such as 7", found: quoted(value.value)),
                   at: value.location, length: value.length)
            return nil
        }
        guard number >= 1 else {
            report(FrontMatterProblem.invalidValue(field: name, value: value.value, reason: "it must be 1 or more"),
                   at: value.location, length: value.length)
            return nil
        }
        return Located(number, at: value.location, length: value.length)
    }

    mutating func bool(_ node: YAMLNode?, name: String) -> Bool? {
        guard let value = string(node, name: name) else { return nil }
        switch value.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(FrontMatterProblem.wrongType(field: name, expected: "true or false", found: quoted(value.value)),
                   at: value.location, length: value.length)
            return nil
        }
    }

    mutating func date(_ node: YAMLNode?, name: String, required: Bool = false, at missing: SourceLocation? = nil) -> Located<BriefDate>? {
        guard let value = string(node, name: name, required: required, at: missing) else { return nil }
        switch BriefDate.parse(value.value) {
        case .success(let date): return Located(date, at: value.location, length: value.length)
        case .failure(let error):
            report(FrontMatterProblem.invalidDate(field: name, value: value.value, reason: error.reason),
                   at: value.location, length: value.length)
            return nil
        }
    }

    /// A list of text values (`keywords: [a, b]`, or one value on its own).
    mutating func strings(_ node: YAMLNode?, name: String) -> [Located<String>] {
        guard let node else { return [] }
        return list(node, name: name).compactMap { string($0, name: name) }
    }

    /// Markdown in a YAML value, with the origin that maps its positions back to the file.
    mutating func markdown(_ node: YAMLNode?, name: String, required: Bool = false, context: @autoclosure () -> String? = nil,
                           at missing: SourceLocation? = nil) -> MarkdownText? {
        guard let value = string(node, name: name, required: required, context: context(), at: missing),
              case .scalar(let scalar)? = node else { return nil }
        _ = value
        return MarkdownText(scalar.text, origin: origin(of: scalar))
    }

    /// Where the text of a scalar starts: the line after `|` or `>` with the block's indentation,
    /// or the value's own column (after the quote) for inline values.
    /// Unicode scalars, counted by their lead bytes (`unicodeScalars.count` decodes each one).
    static func scalarCount(_ text: some StringProtocol) -> Int {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
        if let counted { return counted }
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Space, tab, carriage return or line feed: what `Character.isWhitespace` finds on a blank
    /// line of YAML (other characters are not indentation there).
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    static func isOneLine(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
            return memchr(base, 0x0A, bytes.count) == nil
        }
    }

    func origin(of scalar: YAMLScalar) -> TextOrigin {
        let line = scalar.location.line
        switch scalar.style {
        case .literal:
            // On bytes: a block's lines are long, and walking them by `Character` was 3 % of a build.
            var contentLine = line + 1
            while contentLine - 1 < fileLines.count, fileLines[contentLine - 1].utf8.allSatisfy(Self.isBlank) {
                contentLine += 1
            }
            let indent = contentLine - 1 < fileLines.count ? fileLines[contentLine - 1].utf8.prefix { $0 == 0x20 }.count : 0
            return TextOrigin(path: path, firstLine: line + 1, columnOffset: indent, linesFollow: true)
        case .folded:
            return TextOrigin.aligned(text: scalar.text, fileLines: fileLines,
                                      start: .init(line: line + 1, column: 1), path: path)
        case .plain where Self.isOneLine(scalar.text) && scalar.location.line - 1 < fileLines.count
                && Self.scalarCount(fileLines[scalar.location.line - 1]) >= scalar.location.column - 1 + Self.scalarCount(scalar.text):
            // One line as written: a plain offset is exact.
            return TextOrigin(path: path, firstLine: line, columnOffset: scalar.location.column - 1, linesFollow: false)
        case .plain, .singleQuoted, .doubleQuoted:
            return TextOrigin.aligned(text: scalar.text, fileLines: fileLines,
                                      start: .init(line: line, column: scalar.location.column), path: path)
        }
    }
}

/// The `key: value` pairs of one mapping, tracking which keys were read.
struct Fields {
    let pairs: [YAMLPair]
    let location: SourceLocation
    /// Which pairs were read (by position: a mapping has a handful of keys, hashing them cost more).
    private var used: [Bool]

    init(pairs: [YAMLPair], location: SourceLocation) {
        self.pairs = pairs
        self.location = location
        used = Array(repeating: false, count: pairs.count)
    }

    subscript(key: String) -> YAMLNode? {
        mutating get {
            var found: YAMLNode?
            for index in pairs.indices where pairs[index].key.text == key {
                used[index] = true
                if found == nil { found = pairs[index].value }
            }
            return found
        }
    }

    /// Reports keys that were never read, suggesting the closest known key.
    func reportUnknown(known: [String], into reader: inout FieldReader) {
        for (index, pair) in pairs.enumerated() where !used[index] {
            let suggestion = Suggestion.closest(to: pair.key.text, among: known, caseInsensitive: true)
            reader.report(FrontMatterProblem.unknownKey(pair.key.text, suggestion: suggestion, known: known),
                          at: pair.key.location, length: pair.key.length)
        }
    }
}
