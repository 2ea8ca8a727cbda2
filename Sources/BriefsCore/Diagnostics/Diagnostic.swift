/// How bad a problem is. Errors stop a release; warnings become errors under `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable, dotted kebab-case identifier of a kind of problem (`front-matter.invalid-date`).
/// Editors can search for it; CI tools can filter on it; every id has a test that triggers it.
public struct DiagnosticID: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.rawValue = value }
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One problem found in a run: what, where, and what to do about it.
public struct Diagnostic: Sendable, Hashable, Error {
    public var id: DiagnosticID
    public var severity: Severity
    /// One sentence an editor understands, without the location or id.
    public var message: String
    /// Where the problem is; `nil` for problems of the whole run (no briefs found, a missing tool).
    public var location: SourceLocation?
    /// Length of the underlined text in Unicode scalars.
    public var length: Int
    /// A short remark shown under the caret, e.g. "month 13 is out of range".
    public var label: String?
    /// Further lines: "did you mean 'title'?", "defined here", "run make build".
    public var notes: [String]

    public init(
        id: DiagnosticID, severity: Severity, message: String, location: SourceLocation? = nil,
        length: Int = 1, label: String? = nil, notes: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.location = location
        self.length = max(1, length)
        self.label = label
        self.notes = notes
    }
}

extension Diagnostic: Comparable {
    /// Sorted by file and position, run-wide problems first; ties broken by id and message so the
    /// order never depends on which task finished first.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default:
            return (lhs.severity, lhs.id, lhs.message) < (rhs.severity, rhs.id, rhs.message)
        }
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count(where: { $0.severity == .error }) }
    public var warningCount: Int { count(where: { $0.severity == .warning }) }
    public var hasErrors: Bool { contains(where: { $0.severity == .error }) }
}
