import BriefsCore

/// Diagnostics as GitHub Actions workflow commands (`::error file=…,line=…::message`), which the
/// runner turns into annotations on the pull request's changed lines.
public enum GitHubAnnotations {
    /// One command per problem, then the summary as a plain line for the job log.
    public static func render(_ diagnostics: [Diagnostic], summary: String) -> String {
        var out = ""
        for diagnostic in diagnostics.sorted() {
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties: [String] = []
            if let location = diagnostic.location {
                properties += ["file=\(property(location.path))", "line=\(location.line)", "col=\(location.column)",
                               "endColumn=\(location.column + diagnostic.length)"]
            }
            properties.append("title=\(property(diagnostic.id.rawValue))")
            let text = ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")
            out += "::\(command) \(properties.joined(separator: ","))::\(data(text))\n"
        }
        if !summary.isEmpty { out += summary + "\n" }
        return out
    }

    /// Escaping of a command's message, as the Actions runner expects it.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a property value, which additionally may not contain ':' or ','.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
