import ArgumentParser
import BriefsCheck
import BriefsCore

/// How problems are reported (`--format`): for people, or for tools and CI. Applies to every
/// diagnostic of the run, not only to links, so CI sees content errors the same way.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// swiftc-style lines with source excerpts, sorted by file and position, on standard error.
    case text
    /// One JSON document on standard output.
    case json
    /// JUnit XML, shown as test results by most CI systems.
    case junit
    /// SARIF 2.1.0, for GitHub code scanning and other analysis viewers.
    case sarif
    /// GitHub Actions workflow commands, shown as annotations on the changed lines.
    case github

    /// Whether the report goes to standard output (for tools) rather than standard error.
    var isMachineReadable: Bool { self != .text }

    func render(_ diagnostics: [Diagnostic], summary: String, colored: Bool,
                source: @escaping @Sendable (String) -> String?) -> String {
        switch self {
        case .text: DiagnosticPrinter(format: .text, colored: colored, source: source).render(diagnostics, summary: summary)
        case .json: DiagnosticPrinter(format: .json, colored: false, source: source).render(diagnostics, summary: summary)
        case .junit: JUnitReport.render(diagnostics, summary: summary)
        case .sarif: SARIFReport.render(diagnostics, summary: summary)
        case .github: GitHubAnnotations.render(diagnostics, summary: summary)
        }
    }
}
