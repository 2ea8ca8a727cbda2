import Foundation
import Testing

/// Compares text with a golden file under Tests/Fixtures/golden; `BRIEFS_RECORD=1` rewrites it.
enum Golden {
    static let folder = TestSite.repository.appendingPathComponent("Tests/Fixtures/golden", isDirectory: true)

    static func assertMatches(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BRIEFS_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) },
                                    "missing golden file \(name); run with BRIEFS_RECORD=1 to create it",
                                    sourceLocation: sourceLocation)
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = first?.offset ?? min(actualLines.count, expectedLines.count)
            Issue.record("""
                \(name) differs from the golden file at line \(line + 1):
                  expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end>")
                  actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end>")
                (BRIEFS_RECORD=1 swift test rewrites golden files after a deliberate change)
                """, sourceLocation: sourceLocation)
        }
    }
}
