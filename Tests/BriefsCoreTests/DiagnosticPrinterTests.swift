import Foundation
import Testing
@testable import BriefsCore

@Suite("Printing diagnostics")
struct DiagnosticPrinterTests {
    let source = """
        ---
        title: Größe „Ä“
        date: 2025-13-01
        ---

        """

    func printer(_ format: DiagnosticPrinter.Format = .text) -> DiagnosticPrinter {
        let text = source
        return DiagnosticPrinter(format: format, colored: false, source: { $0 == "b.md" ? text : nil })
    }

    @Test("text: swiftc-style line, excerpt with caret under the value, summary")
    func text() {
        let diagnostics = [
            Diagnostic(FrontMatterProblem.invalidDate(field: "date", value: "2025-13-01", reason: "has month 13, which is out of range (1-12)"),
                       at: SourceLocation(path: "b.md", line: 3, column: 7), length: 10),
            Diagnostic(FrontMatterProblem.unknownKey("titel", suggestion: "title", known: []),
                       at: SourceLocation(path: "b.md", line: 2, column: 8), length: 5),
            Diagnostic(FileProblem.noBriefs(folder: "content/briefs/")),
        ]
        let expected = """
            warning: no briefs found: put one Markdown file per brief into content/briefs/ [site.no-briefs]
            b.md:2:8: warning: unknown field 'titel'; it is ignored [front-matter.unknown-key]
               2 │ title: Größe „Ä“
                 │        ^~~~~ did you mean 'title'?
            b.md:3:7: error: 'date' is not a valid date: '2025-13-01' has month 13, which is out of range (1-12) [front-matter.invalid-date]
               3 │ date: 2025-13-01
                 │       ^~~~~~~~~~
            briefpress: 1 error, 2 warnings

            """
        #expect(printer().render(diagnostics, summary: "briefpress: 1 error, 2 warnings") == expected)
    }

    @Test("json: one object with positions and counts")
    func json() throws {
        let diagnostic = Diagnostic(FrontMatterProblem.missingAltText, at: SourceLocation(path: "b.md", line: 2, column: 8))
        let data = Data(printer(.json).render([diagnostic], summary: "s").utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "front-matter.missing-alt")
        #expect(first["line"] as? Int == 2)
        #expect(first["column"] as? Int == 8)
    }

    @Test("colour codes appear only when asked for")
    func colour() {
        let diagnostic = Diagnostic(FileProblem.empty, at: SourceLocation(path: "b.md", line: 1, column: 1))
        var colored = printer()
        colored.colored = true
        #expect(colored.text(for: diagnostic).contains("\u{1B}["))
        #expect(!printer().text(for: diagnostic).contains("\u{1B}["))
    }

    @Test("a very long line is shown as a window around the column")
    func longLine() {
        let long = String(repeating: "x", count: 5000) + "FEHLER" + String(repeating: "y", count: 5000)
        let printer = DiagnosticPrinter(colored: false, source: { _ in long })
        let out = printer.text(for: Diagnostic(FileProblem.binary, at: SourceLocation(path: "b.md", line: 1, column: 5001), length: 6))
        #expect(out.contains("FEHLER"))
        #expect(out.count < 600)
    }
}
