import Foundation

/// Formats diagnostics for people (swiftc-style line plus a source excerpt) or machines (JSON).
public struct DiagnosticPrinter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public var format: Format
    public var colored: Bool
    /// Returns the text of a site-relative file for excerpts; `nil` when it cannot be shown.
    public var source: @Sendable (String) -> String?

    public init(format: Format = .text, colored: Bool = false, source: @escaping @Sendable (String) -> String?) {
        self.format = format
        self.colored = colored
        self.source = source
    }

    /// All diagnostics, sorted, followed by the summary line (text) or as one JSON document.
    public func render(_ diagnostics: [Diagnostic], summary: String) -> String {
        let sorted = diagnostics.sorted()
        switch format {
        case .text:
            // Each file is split into lines once, however many problems it has.
            let lines = LineCache(source: source)
            var out = sorted.map { text(for: $0, lines: lines) }.joined()
            out += summary + "\n"
            return out
        case .json:
            return json(sorted, summary: summary)
        }
    }

    // MARK: - Text

    public func text(for diagnostic: Diagnostic) -> String {
        text(for: diagnostic, lines: LineCache(source: source))
    }

    func text(for diagnostic: Diagnostic, lines: LineCache) -> String {
        var head = ""
        if let location = diagnostic.location { head += "\(location): " }
        head += paint(diagnostic.severity.rawValue + ":", severityColor(diagnostic.severity))
        head += " " + paint(diagnostic.message, "1") + " [\(diagnostic.id)]\n"
        var out = head
        if let location = diagnostic.location, let line = lines.line(location.line, of: location.path),
           let excerpt = excerpt(line, at: location, diagnostic: diagnostic) {
            out += excerpt
        } else if let label = diagnostic.label {
            out += "  = \(label)\n"
        }
        for note in diagnostic.notes { out += "  = note: \(note)\n" }
        return out
    }

    private func excerpt(_ sourceLine: Substring, at location: SourceLocation, diagnostic: Diagnostic) -> String? {
        // Control characters (from binary junk) could drive the terminal: show them as '?'.
        var line = String(String.UnicodeScalarView(sourceLine.unicodeScalars.map {
            $0.value < 0x20 && $0 != "\t" || ($0.value >= 0x7F && $0.value < 0xA0) ? "?" : $0
        }))
        var column = location.column
        // Keep excerpts readable for very long lines: show a window around the column.
        let scalars = Array(line.unicodeScalars)
        if scalars.count > 120 {
            let start = max(0, min(column - 40, scalars.count - 120))
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<min(scalars.count, start + 120)])
            line = (start > 0 ? "…" : "") + String(view)
            column = column - start + (start > 0 ? 1 : 0)
        }
        line = line.replacingOccurrences(of: "\t", with: " ")
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let available = max(1, line.unicodeScalars.count - column + 1)
        let underline = "^" + String(repeating: "~", count: max(0, min(diagnostic.length, available) - 1))
        var caretLine = "\(gutter) │ " + String(repeating: " ", count: max(0, column - 1))
            + paint(underline, severityColor(diagnostic.severity))
        if let label = diagnostic.label { caretLine += " " + label }
        return "   \(number) │ \(line)\n   \(caretLine)\n"
    }

    private func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .note: "1;36"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Lines of each file, split on first use.
    final class LineCache {
        private let source: @Sendable (String) -> String?
        private var files: [String: [Substring]?] = [:]

        init(source: @escaping @Sendable (String) -> String?) { self.source = source }

        func line(_ number: Int, of path: String) -> Substring? {
            if files[path] == nil {
                files[path] = .some(source(path).map { $0.split(separator: "\n", omittingEmptySubsequences: false) })
            }
            guard let lines = files[path] ?? nil, number >= 1, number <= lines.count else { return nil }
            return lines[number - 1]
        }
    }

    // MARK: - JSON

    private struct JSONDiagnostic: Encodable {
        var id: String, severity: String, message: String
        var file: String?, line: Int?, column: Int?, length: Int
        var label: String?, notes: [String]
    }

    private struct JSONReport: Encodable {
        var diagnostics: [JSONDiagnostic]
        var errors: Int, warnings: Int, summary: String
    }

    private func json(_ diagnostics: [Diagnostic], summary: String) -> String {
        let report = JSONReport(
            diagnostics: diagnostics.map {
                JSONDiagnostic(id: $0.id.rawValue, severity: $0.severity.rawValue, message: $0.message,
                               file: $0.location?.path, line: $0.location?.line, column: $0.location?.column,
                               length: $0.length, label: $0.label, notes: $0.notes)
            },
            errors: diagnostics.errorCount, warnings: diagnostics.warningCount, summary: summary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
