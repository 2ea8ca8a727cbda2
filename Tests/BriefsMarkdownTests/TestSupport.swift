import BriefsMarkdown
import Foundation
import Testing

/// Renders fragments the way most tests need: a fresh page, simple options.
enum Render {
    static func fragment(
        _ markdown: String,
        language: TypographyLanguage = .english,
        headingBase: Int = 1,
        idPrefix: String = "",
        rewrite: (@Sendable (String, MarkdownLink.Kind) -> String)? = nil
    ) -> RenderedMarkdown {
        var page = MarkdownPageContext()
        let strings: MarkdownStrings = language == .german ? .german : .english
        let options = MarkdownOptions(
            language: language, strings: strings, headingBase: headingBase,
            idPrefix: idPrefix, rewriteDestination: rewrite
        )
        return Markdown.render(markdown, options: options, page: &page)
    }

    static func html(_ markdown: String, language: TypographyLanguage = .english) -> String {
        fragment(markdown, language: language).html
    }
}

/// Golden files under `Tests/Fixtures/markdown/`, found from this file's path so the
/// tests work from any working directory. `BRIEFS_RECORD=1` rewrites them instead.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/markdown")

    static func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BRIEFS_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "golden \(name) differs; rerun with BRIEFS_RECORD=1 to update", sourceLocation: sourceLocation)
    }
}
