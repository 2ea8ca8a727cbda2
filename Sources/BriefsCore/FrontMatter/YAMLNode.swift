import Yams

/// A YAML value with the file position of every part, detached from Yams so the rest of the
/// pipeline works with `Sendable` values and never sees a parser type.
public indirect enum YAMLNode: Sendable {
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
public struct YAMLPair: Sendable {
    public var key: YAMLScalar
    public var value: YAMLNode
}

/// A scalar as written: its text, how it was quoted, and where it stands.
public struct YAMLScalar: Sendable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }
    public var text: String
    public var style: Style
    public var location: SourceLocation
    /// Number of scalars the value occupies on its first line, for underlining.
    public var length: Int

    /// A plain `~`, `null` or nothing at all (`key:`).
    public var isNull: Bool { style == .plain && ["", "~", "null", "Null", "NULL"].contains(text) }
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

    private static func diagnostic(for error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
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
            var length = scalar.string.unicodeScalars.prefix { $0 != "\n" }.count
            if style == .singleQuoted || style == .doubleQuoted { length += 2 }
            if style == .literal || style == .folded { length = 1 }
            return YAMLScalar(text: scalar.string, style: style, location: location(scalar.mark), length: length)
        }
    }
}
