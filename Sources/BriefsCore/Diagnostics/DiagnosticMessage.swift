/// A kind of problem from one of the catalogues (`FileProblem`, `FrontMatterProblem`, …). Keeping
/// messages in enums, not free strings, gives every problem a stable id and one wording.
public protocol DiagnosticMessage: Sendable {
    var id: DiagnosticID { get }
    var severity: Severity { get }
    var message: String { get }
    /// Short remark shown under the caret; `nil` when the message says it all.
    var label: String? { get }
    var notes: [String] { get }
}

extension DiagnosticMessage {
    public var label: String? { nil }
    public var notes: [String] { [] }
}

extension Diagnostic {
    public init(_ message: some DiagnosticMessage, at location: SourceLocation? = nil, length: Int = 1) {
        self.init(
            id: message.id, severity: message.severity, message: message.message, location: location,
            length: length, label: message.label, notes: message.notes)
    }

    public init<T>(_ message: some DiagnosticMessage, at located: Located<T>) {
        self.init(message, at: located.location, length: located.length)
    }
}

/// Quotes a value for a message, shortened so a 50 MB line cannot flood the terminal.
func quoted(_ text: String, limit: Int = 60) -> String {
    let oneLine = text.replacingOccurrences(of: "\n", with: " ")
    if oneLine.count <= limit { return "'\(oneLine)'" }
    return "'\(oneLine.prefix(limit))…'"
}
