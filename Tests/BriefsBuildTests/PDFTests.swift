import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// The PDF stage: real WeasyPrint from the project venv (`make test` installs it), and fake
/// Python executables that fail in each way a real one can.
@Suite("Print PDFs", .serialized)
struct PDFTests {
    static let venvPython = TestSite.repository.appendingPathComponent(".venv/bin/python")

    /// A stand-in for Python: a shell script that behaves as `body` says.
    static func fakePython(_ body: String, in site: TestSite) throws -> URL {
        let url = site.root.appendingPathComponent("fake-python.sh")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    func run(_ site: TestSite, python: URL, timeout: Duration = .seconds(120)) async throws -> BuildReport {
        var options = BuildOptions(siteRoot: site.root, output: site.output, today: TestSite.today,
                                   themeSearchPaths: [TestSite.themes])
        options.pdf = PDFSettings(python: python, cacheFolder: site.root.appendingPathComponent(".briefpress/pdf-cache"),
                                  workers: 2, timeout: timeout)
        return try await Builder(options: options).run()
    }

    @Test("every published brief gets a tagged PDF; an unchanged rebuild renders none; one change renders one")
    func cache() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.venvPython.path),
                "WeasyPrint's venv is missing: run 'make test', which creates .venv")
        let site = try CitationSurfaceTests.multiSite()
        defer { site.remove() }
        let first = try await run(site, python: Self.venvPython)
        #expect(first.pdf.rendered == 3)
        #expect(first.pdf.cached == 0)
        for slug in ["wohnen-im-alter", "housing-in-old-age", "integrationschampions"] {
            let pdf = try #require(FileManager.default.contents(atPath: site.output.appendingPathComponent("briefs/\(slug)/\(slug).pdf").path))
            #expect(pdf.starts(with: Data("%PDF-1.7".utf8)))
            let page = site.read("briefs/\(slug)/index.html") ?? ""
            #expect(page.contains("<meta name=\"citation_pdf_url\" content=\"https://forschung-migration.example.org/briefs/\(slug)/\(slug).pdf\">"))
            #expect(page.contains("href=\"\(slug).pdf\""))
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("briefs/entwurf/entwurf.pdf").path))
        let second = try await run(site, python: Self.venvPython)
        #expect(second.pdf.rendered == 0)
        #expect(second.pdf.cached + second.pdf.reused == 3)
        #expect(second.filesWritten == 0)
        let path = site.root.appendingPathComponent("content/briefs/housing-in-old-age.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "struggle to find", with: "often struggle to find").utf8).write(to: path)
        let third = try await run(site, python: Self.venvPython)
        #expect(third.pdf.rendered == 1)
        #expect(third.pdf.reused == 2)
    }

    @Test("WeasyPrint missing: one clear error with the command that fixes it; the old output stays")
    func missing() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        _ = try await site.run()
        let before = site.read("briefs/wohnen/index.html")
        let python = try Self.fakePython(#"echo '{"ready": false, "error": "ModuleNotFoundError: No module named weasyprint"}'; exit 3"#, in: site)
        let error = await #expect(throws: PDFError.self) { try await run(site, python: python) }
        #expect(error?.description.contains("make build") == true)
        #expect(error?.description.contains("No module named weasyprint") == true)
        #expect(site.read("briefs/wohnen/index.html") == before)
        let absent = URL(fileURLWithPath: "/nonexistent/python3")
        let notStarted = await #expect(throws: PDFError.self) { try await run(site, python: absent) }
        #expect(notStarted?.description.contains("--no-pdf") == true)
    }

    @Test("a worker that crashes on one brief names that brief")
    func crash() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        let python = try Self.fakePython(#"echo '{"ready": true}'; read request; exit 1"#, in: site)
        let error = await #expect(throws: PDFError.self) { try await run(site, python: python) }
        #expect(error?.description.contains("content/briefs/wohnen.md") == true)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("a hung worker is stopped after the timeout")
    func hang() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        let python = try Self.fakePython(#"echo '{"ready": true}'; read request; sleep 30"#, in: site)
        let started = ContinuousClock.now
        let error = await #expect(throws: PDFError.self) { try await run(site, python: python, timeout: .seconds(1)) }
        #expect(error?.description.contains("longer than") == true)
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
