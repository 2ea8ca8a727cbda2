import BriefsCheck
import BriefsCore
import Foundation
import Testing

@Suite("JUnit, SARIF and GitHub reports")
struct ReportFormatTests {
    let diagnostics = [
        Diagnostic(id: "link.external-broken", severity: .error, message: "the link <a> & \"b\" is broken",
                   location: SourceLocation(path: "content/briefs/a.md", line: 3, column: 7), length: 5),
        Diagnostic(id: "link.external-redirect", severity: .warning, message: "moved: 50%, really",
                   location: SourceLocation(path: "content/briefs/b.md", line: 1, column: 1), notes: ["use the new one"]),
        Diagnostic(id: "site.no-briefs", severity: .warning, message: "no briefs found"),
    ]

    @Test("JUnit: one suite per file, errors as failures, XML escaped")
    func junit() {
        let xml = JUnitReport.render(diagnostics, summary: "done")
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"briefpress\" tests=\"3\" failures=\"1\">"))
        #expect(xml.contains("<testsuite name=\"content/briefs/a.md\" tests=\"1\" failures=\"1\" skipped=\"0\">"))
        #expect(xml.contains("<failure type=\"link.external-broken\" message=\"the link &lt;a&gt; &amp; &quot;b&quot; is broken\">content/briefs/a.md:3:7: the link"))
        #expect(xml.contains("<skipped message=\"warning: moved: 50%, really\"/>"))
        #expect(JUnitReport.render([], summary: "no problems").contains("<testcase classname=\"briefpress\" name=\"no problems\"/>"))
    }

    @Test("SARIF 2.1.0 with rules, levels and regions")
    func sarif() throws {
        let text = SARIFReport.render(diagnostics, summary: "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "warning"])
        #expect(text.contains("\"uri\" : \"content/briefs/a.md\""))
        #expect(text.contains("\"startColumn\" : 7"))
        #expect(text.contains("\"endColumn\" : 12"))
    }

    @Test("GitHub workflow commands with escaped properties and messages")
    func github() {
        let text = GitHubAnnotations.render(diagnostics, summary: "briefpress: 1 error")
        #expect(text == """
            ::warning title=site.no-briefs::no briefs found
            ::error file=content/briefs/a.md,line=3,col=7,endColumn=12,title=link.external-broken::the link <a> & "b" is broken
            ::warning file=content/briefs/b.md,line=1,col=1,endColumn=2,title=link.external-redirect::moved: 50%25, really%0Anote: use the new one
            briefpress: 1 error

            """)
    }
}
