import CYaml
import Yams

/// A YAML value with the file position of every part, detached from Yams so the rest of the
/// pipeline works with `Sendable` values and never sees a parser type.
public indirect enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], SourceLocation)
    case mapping([YAMLPair], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .sequence(_, let location), .mapping(_, let location): location
        }
    }

    /// What an editor would call this kind of value, for "must be a list, but it is text".
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar) where scalar.isNull: "empty"
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a group of fields"
        }
    }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable, Equatable {
    public var key: YAMLScalar
    public var value: YAMLNode
}

/// A scalar as written: its text, how it was quoted, and where it stands.
public struct YAMLScalar: Sendable, Equatable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
    public var text: String
    public var style: Style
    public var location: SourceLocation
    /// Number of scalars the value occupies on its first line, for underlining.
    public var length: Int

    /// A plain `~`, `null` or nothing at all (`key:`).
    public var isNull: Bool {
        guard style == .plain, text.utf8.count <= 4 else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
    public var isBlock: Bool { style == .literal || style == .folded }
    public var located: Located<String> { Located(text, at: location, length: length) }
}

/// Reads YAML into `YAMLNode`s, bounding the work an alias bomb can cause.
public enum YAMLReader {
    /// Most values a front matter may expand to. A real brief has a few hundred; "billion laughs"
    /// aliases expand to billions, which this bound stops long before memory or time run out.
    public static let nodeLimit = 20_000

    /// Parses `yaml`, whose first line is line `firstLine` of the file at `path`.
    public static func read(_ yaml: String, path: String, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        // Front matter in the plain block style editors write (almost every one) is read from
        // its bytes; what that reader is not sure of is read from libyaml's events; anything
        // with errors, aliases or repeated keys goes the way through Yams, which words the
        // errors and knows aliases.
        if let node = BlockYAMLReader.read(yaml, path: path, firstLine: firstLine) { return .success(node) }
        if let node = EventReader.read(yaml, path: path, firstLine: firstLine) { return .success(node) }
        return readWithYams(yaml, path: path, firstLine: firstLine)
    }

    /// The fast path: `nil` when the YAML is not a plain, valid, single document.
    static func readEvents(_ yaml: String, path: String, firstLine: Int) -> YAMLNode?? {
        EventReader.read(yaml, path: path, firstLine: firstLine)
    }

    /// Reads `yaml` through Yams's composer (errors, aliases, duplicate keys).
    static func readWithYams(_ yaml: String, path: String, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        let root: Node?
        do {
            // The basic resolver tags every plain scalar as a string: briefpress reads values by text
            // and style itself, and the default resolver runs six regular expressions per scalar.
            // The encoding is named: the default reads the environment (a dictionary of every
            // variable) on each call.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, yaml: yaml, path: path, firstLine: firstLine))
        } catch {
            return .failure(Diagnostic(FrontMatterProblem.invalidYAML(problem: "\(error)"),
                                       at: SourceLocation(path: path, line: firstLine, column: 1)))
        }
        guard let root else { return .success(nil) }
        var converter = Converter(path: path, firstLine: firstLine)
        guard let node = converter.convert(root) else {
            return .failure(Diagnostic(FrontMatterProblem.tooComplex(limit: nodeLimit),
                                       at: SourceLocation(path: path, line: firstLine, column: 1)))
        }
        return .success(node)
    }

    /// A scalar with the length that underlines it: its first line, quotes included; one
    /// character for a block (`|`, `>`).
    static func scalar(text: String, style: YAMLScalar.Style, location: SourceLocation) -> YAMLScalar {
        var length: Int
        switch style {
        case .literal, .folded:
            length = 1
        default:
            // Scalars of the first line, counted on the bytes (one lead byte each).
            length = 0
            for byte in text.utf8 {
                if byte == 0x0A { break }
                if byte & 0xC0 != 0x80 { length += 1 }
            }
            if style == .singleQuoted || style == .doubleQuoted { length += 2 }
        }
        return YAMLScalar(text: text, style: style, location: location, length: length)
    }

    private static func diagnostic(for error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            // libyaml's own wording names the C function that changes the limit.
            if problem.contains("Maximum nesting level") {
                return Diagnostic(FrontMatterProblem.invalidYAML(problem: "lists or groups are nested more than 1,000 levels deep"),
                                  at: at(mark))
            }
            // An unclosed quote is found only at the end of the file; the quote itself is the place to fix.
            if let context, context.text.contains("quoted scalar") {
                return Diagnostic(FrontMatterProblem.invalidYAML(problem: "a quote is opened here but never closed"),
                                  at: at(context.mark))
            }
            return Diagnostic(FrontMatterProblem.invalidYAML(problem: text), at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            return Diagnostic(FrontMatterProblem.duplicateKey(key),
                              at: secondOccurrence(of: key, in: yaml, path: path, firstLine: firstLine) ?? at(context.mark),
                              length: key.count)
        case .reader(let problem, _, _, _):
            return Diagnostic(FrontMatterProblem.invalidYAML(problem: problem),
                              at: SourceLocation(path: path, line: firstLine, column: 1))
        default:
            return Diagnostic(FrontMatterProblem.invalidYAML(problem: error.description),
                              at: SourceLocation(path: path, line: firstLine, column: 1))
        }
    }

    /// The line where `key:` is written the second time: the copy an editor most likely added.
    private static func secondOccurrence(of key: String, in yaml: String, path: String, firstLine: Int) -> SourceLocation? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            guard trimmed.hasPrefix(key + ":") else { continue }
            seen += 1
            if seen == 2 {
                return SourceLocation(path: path, line: index + firstLine, column: line.count - trimmed.count + 1)
            }
        }
        return nil
    }

    private struct Converter {
        let path: String
        let firstLine: Int
        var budget = YAMLReader.nodeLimit

        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(path: path, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1)
        }

        mutating func convert(_ node: Node) -> YAMLNode? {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch node {
            case .scalar(let scalar):
                return .scalar(convert(scalar))
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                for item in sequence {
                    guard let converted = convert(item) else { return nil }
                    items.append(converted)
                }
                return .sequence(items, location(sequence.mark))
            case .mapping(let mapping):
                var pairs: [YAMLPair] = []
                for (key, value) in mapping {
                    guard let convertedValue = convert(value) else { return nil }
                    let keyScalar: YAMLScalar
                    if case .scalar(let scalar) = key {
                        keyScalar = convert(scalar)
                    } else {
                        // A list or mapping used as a key is never meant; keep it visible as text.
                        keyScalar = YAMLScalar(text: "(complex key)", style: .plain, location: location(key.mark), length: 1)
                    }
                    pairs.append(YAMLPair(key: keyScalar, value: convertedValue))
                }
                return .mapping(pairs, location(mapping.mark))
            case .alias:
                return nil
            }
        }

        func convert(_ scalar: Node.Scalar) -> YAMLScalar {
            let style: YAMLScalar.Style = switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            return YAMLReader.scalar(text: scalar.string, style: style, location: location(scalar.mark))
        }
    }
}

/// Builds `YAMLNode`s directly from libyaml's events (the C library inside Yams), without
/// Yams's `Node` tree, tag objects and composer: reading front matter this way takes a third
/// of the time. Gives up (`nil`) on anything but a plain, valid, single document; the caller
/// then reads it with Yams, so errors, aliases and duplicate keys are reported as before.
private enum EventReader {
    enum Outcome { case node(YAMLNode?), giveUp }

    static func read(_ yaml: String, path: String, firstLine: Int) -> YAMLNode?? {
        var yaml = yaml
        return yaml.withUTF8 { utf8 -> YAMLNode?? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, utf8.baseAddress, utf8.count)
            var reader = Reader(parser: parser, path: path, firstLine: firstLine)
            let result = reader.document()
            parser = reader.parser
            switch result {
            case .node(let node): return .some(node)
            case .giveUp: return nil
            }
        }
    }

    private struct Reader {
        var parser: yaml_parser_t
        let path: String
        let firstLine: Int
        var budget = YAMLReader.nodeLimit

        init(parser: yaml_parser_t, path: String, firstLine: Int) {
            self.parser = parser
            self.path = path
            self.firstLine = firstLine
        }

        /// The next event; `nil` on an error (which Yams then reports).
        mutating func next() -> yaml_event_t? {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            return event
        }

        mutating func document() -> Outcome {
            guard var start = next() else { return .giveUp }
            defer { yaml_event_delete(&start) }
            guard start.type == YAML_STREAM_START_EVENT, var first = next() else { return .giveUp }
            defer { yaml_event_delete(&first) }
            if first.type == YAML_STREAM_END_EVENT { return .node(nil) }
            guard first.type == YAML_DOCUMENT_START_EVENT, var rootEvent = next() else { return .giveUp }
            let root = node(from: &rootEvent)
            yaml_event_delete(&rootEvent)
            guard let root, var end = next() else { return .giveUp }
            defer { yaml_event_delete(&end) }
            guard end.type == YAML_DOCUMENT_END_EVENT, var streamEnd = next() else { return .giveUp }
            defer { yaml_event_delete(&streamEnd) }
            // A second document is an error Yams words.
            guard streamEnd.type == YAML_STREAM_END_EVENT else { return .giveUp }
            return .node(root)
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(path: path, line: Int(mark.line) + 1 + firstLine - 1, column: Int(mark.column) + 1)
        }

        /// The node that `event` starts; `nil` to give up.
        mutating func node(from event: inout yaml_event_t) -> YAMLNode? {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch event.type {
            case YAML_SCALAR_EVENT:
                return .scalar(scalar(event))
            case YAML_SEQUENCE_START_EVENT:
                var items: [YAMLNode] = []
                while true {
                    guard var item = next() else { return nil }
                    defer { yaml_event_delete(&item) }
                    if item.type == YAML_SEQUENCE_END_EVENT { break }
                    guard let converted = node(from: &item) else { return nil }
                    items.append(converted)
                }
                return .sequence(items, location(event.start_mark))
            case YAML_MAPPING_START_EVENT:
                var pairs: [YAMLPair] = []
                while true {
                    guard var keyEvent = next() else { return nil }
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    // Complex keys and repeated keys: Yams's way.
                    guard keyEvent.type == YAML_SCALAR_EVENT else { return nil }
                    let key = scalar(keyEvent)
                    // Front matter mappings have a handful of keys: comparing with each is cheaper than hashing.
                    guard !pairs.contains(where: { $0.key.text == key.text }), var valueEvent = next() else { return nil }
                    defer { yaml_event_delete(&valueEvent) }
                    guard let value = node(from: &valueEvent) else { return nil }
                    pairs.append(YAMLPair(key: key, value: value))
                }
                return .mapping(pairs, location(event.start_mark))
            default:
                // Aliases (and anything unexpected).
                return nil
            }
        }

        func scalar(_ event: yaml_event_t) -> YAMLScalar {
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let style: YAMLScalar.Style = switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
            return YAMLReader.scalar(text: text, style: style, location: location(event.start_mark))
        }
    }
}
