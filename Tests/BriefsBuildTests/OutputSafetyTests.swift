@testable import BriefsBuild
import BriefsCore
import Foundation
import Testing

@Suite("Output safety")
struct OutputSafetyTests {
    @Test("a failed build leaves the previous output exactly as it was")
    func failedBuildKeepsOutput() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        let good = try await site.run()
        #expect(!good.failed)
        let before = try #require(site.read("briefs/wohnen/index.html"))
        try site.write("content/briefs/wohnen.md", Data("---\ntitle: [kaputt\n---\n".utf8))
        try site.write("content/briefs/neu.md", Data(TestSite.brief(title: "Neu", doi: "10.59350/neu.1").utf8))
        let bad = try await site.run()
        #expect(bad.failed)
        #expect(bad.filesWritten == 0)
        #expect(site.read("briefs/wohnen/index.html") == before)
        #expect(site.read("briefs/neu/index.html") == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output") }
        #expect(leftovers.isEmpty)
    }

    /// Built inside the test: a 50 MB array as a test argument would be described byte by byte.
    static func badBytes(_ name: String) -> [UInt8] {
        switch name {
        case "binary": [0x00, 0xFF, 0xFE, 0x01, 0x89, 0x50, 0x4E, 0x47]
        case "latin1": Array("---\ntitle: M".utf8) + [0xFC] + Array("nchen\n---\n".utf8)
        case "no-fences": Array("Nur Text ohne Kopf.\n".utf8)
        case "bomb": Array(DiagnosticCase.aliasBomb.utf8)
        case "huge": [UInt8](repeating: 0x2D, count: 50 * 1_048_576)
        default: []
        }
    }

    @Test("bad input of every kind gives diagnostics, never a crash or partial output",
          arguments: ["empty", "binary", "latin1", "no-fences", "bomb", "huge"])
    func badInput(name: String) async throws {
        let bytes = Self.badBytes(name)
        let site = try TestSite(files: [:])
        defer { site.remove() }
        try site.write("content/briefs/\(name).md", Data(bytes))
        let report = try await site.run()
        #expect(report.failed)
        #expect(report.diagnostics.errorCount >= 1)
        #expect(report.diagnostics.allSatisfy { $0.location != nil })
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("a folder briefpress did not create is never replaced")
    func foreignFolder() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        try site.write("output/important.txt", Data("keep me".utf8))
        await #expect(throws: WriteError.self) { try await site.run() }
        #expect(site.read("important.txt") == "keep me")
    }

    @Test("a first build into an existing empty folder fills it and leaves nothing beside it")
    func emptyFolder() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let report = try await site.run()
        #expect(!report.failed)
        #expect(site.read("briefs/wohnen/index.html") != nil)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output") }
        #expect(beside.isEmpty)
    }

    @Test("drafts are left out unless asked for, and then carry a banner")
    func drafts() async throws {
        let site = try TestSite(files: [
            "content/briefs/wohnen.md": TestSite.brief(),
            "content/briefs/entwurf.md": TestSite.brief(title: "Entwurf", doi: "10.59350/e.1", extra: "draft: true"),
        ])
        defer { site.remove() }
        _ = try await site.run()
        #expect(site.read("briefs/entwurf/index.html") == nil)
        #expect(site.read("index.html")?.contains("Entwurf") == false)
        _ = try await site.run(drafts: true)
        let draft = try #require(site.read("briefs/entwurf/index.html"))
        #expect(draft.contains("class=\"draft-banner\""))
        #expect(site.read("briefs/wohnen/index.html")?.contains("draft-banner") == false)
    }

    @Test("warnings fail the build only under --strict")
    func strict() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief(extra: "subtitel: x")])
        defer { site.remove() }
        #expect(try await site.run().failed == false)
        #expect(try await site.run(strict: true).failed == true)
    }

    @Test("a brief cannot inject script or event handlers into its page")
    func noInjection() async throws {
        let body = """
            <script>alert(1)</script>

            Text <img src=x onerror="alert(2)"> und [Link](javascript:alert(3)).
            """
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief(title: "\"<b>Titel</b>\"", body: body)])
        defer { site.remove() }
        let report = try await site.run(write: false)
        #expect(report.diagnostics.map(\.id.rawValue).contains("markdown.unsafe-url"))
        let page = try #require(report.files.first { $0.path == "briefs/wohnen/index.html" })
        guard case .bytes(let data) = page.content else { throw CancellationError() }
        let html = String(decoding: data, as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<b>Titel</b>"))
    }

    @Test("a site theme overrides single files of the built-in theme")
    func themeOverride() async throws {
        let site = try TestSite(files: [
            "content/briefs/wohnen.md": TestSite.brief(),
            "themes/default/assets/style.css": "body { color: red; }\n",
        ])
        defer { site.remove() }
        _ = try await site.run()
        #expect(site.read("assets/style.css") == "body { color: red; }\n")
        #expect(site.read("briefs/wohnen/index.html")?.contains("<h1>Wohnen</h1>") == true)
    }

    @Test("images next to the brief are copied beside its page; links to other briefs' files resolve")
    func images() async throws {
        let site = try TestSite(files: [
            "content/briefs/wohnen.md": TestSite.brief(
                extra: "image:\n  src: bilder/titel.png\n  alt: Ein Haus", body: "Siehe [andere](arbeit.md#handlungsimpulse) ![Karte](bilder/karte.png)"),
            "content/briefs/arbeit.md": TestSite.brief(title: "Arbeit", doi: "10.59350/arbeit.1"),
        ])
        defer { site.remove() }
        try site.write("content/briefs/bilder/titel.png", Data([0x89, 0x50]))
        try site.write("content/briefs/bilder/karte.png", Data([0x89, 0x51]))
        let report = try await site.run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let html = try #require(site.read("briefs/wohnen/index.html"))
        #expect(html.contains("<img src=\"bilder/titel.png\" alt=\"Ein Haus\">"))
        #expect(html.contains("href=\"../arbeit/#handlungsimpulse\""))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("briefs/wohnen/bilder/karte.png").path))
    }

    @Test("a rebuild with nothing changed writes no file; one changed brief writes only what changed")
    func unchangedRebuild() async throws {
        let site = try TestSite(files: [
            "content/briefs/a.md": TestSite.brief(title: "A", doi: "10.59350/a.1"),
            "content/briefs/b.md": TestSite.brief(title: "B", doi: "10.59350/b.1"),
        ])
        defer { site.remove() }
        let first = try await site.run()
        #expect(first.filesWritten == first.files.count)
        func inode(_ path: String) -> UInt64? {
            var info = stat()
            return stat(site.output.appendingPathComponent(path).path, &info) == 0 ? UInt64(info.st_ino) : nil
        }
        let pageB = inode("briefs/b/index.html")
        let home = inode("index.html")
        let second = try await site.run()
        #expect(second.filesWritten == 0)
        #expect(inode("briefs/b/index.html") == pageB)
        #expect(inode("index.html") == home)

        try site.write("content/briefs/a.md", Data(TestSite.brief(title: "A neu", doi: "10.59350/a.1").utf8))
        let third = try await site.run()
        #expect(third.filesWritten > 0)
        #expect(third.filesWritten < first.filesWritten / 2)
        #expect(inode("briefs/b/index.html") == pageB)  // linked from the previous output, not written
        #expect(site.read("briefs/a/index.html")?.contains("<h1>A neu</h1>") == true)
        #expect(inode("index.html") != home)

        // A file removed by hand from the output is restored on the next build.
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("briefs/b/b.bib"))
        let fourth = try await site.run()
        #expect(fourth.filesWritten >= 1)
        #expect(site.read("briefs/b/b.bib") != nil)
    }

    @Test("what a killed build left is removed by the next build; files of running builds are not")
    func leftoversOfKilledBuilds() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        var options = BuildOptions(siteRoot: site.root, output: site.output, today: TestSite.today,
                                   themeSearchPaths: [TestSite.themes])
        options.cacheFile = site.root.appendingPathComponent(".briefpress/build-cache")
        #expect(try await Builder(options: options).run().failed == false)
        // No process has this id: it is above the largest `pid_max` Linux allows (2^22).
        let gone = 4_194_305
        let running = getppid()
        let left = ["output/.briefpress-writing-\(gone)", "output/.feed.xml.briefpress-\(gone)",
                    "output/briefs/wohnen/.index.html.briefpress-\(gone)", ".output.new-\(gone)/index.html",
                    ".output.old-\(gone)/feed.xml", ".briefpress/.build-cache.briefpress-\(gone)"]
        let kept = ["output/.briefpress-writing-\(running)", "output/briefs/wohnen/.index.html.briefpress-\(running)",
                    ".output.new-\(running)/index.html"]
        for path in left + kept { try site.write(path, Data("x".utf8)) }
        let page = site.read("briefs/wohnen/index.html")

        try site.write("content/briefs/wohnen.md", Data(TestSite.brief(title: "Wohnen neu").utf8))
        let report = try await Builder(options: options).run()
        #expect(!report.failed && report.filesWritten > 0)
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: site.root.appendingPathComponent(path).path) }
        for path in left { #expect(!exists(path), "\(path) is still there") }
        #expect(!exists(".output.new-\(gone)") && !exists(".output.old-\(gone)"))
        for path in kept { #expect(exists(path), "\(path) was removed") }
        #expect(site.read("briefs/wohnen/index.html") != page)
        // This build's own marker is gone, as after every build that finished.
        #expect(!exists("output/.briefpress-writing-\(getpid())"))
    }

    @Test("a build updating the output marks it while it has temporary files there, and only then")
    func writingMarker() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        _ = try await site.run()
        let marker = site.output.appendingPathComponent(".briefpress-writing-\(getpid())").path
        try site.write("content/briefs/wohnen.md", Data(TestSite.brief(title: "Neu").utf8))
        #expect(try await site.run().filesWritten > 0)
        #expect(!FileManager.default.fileExists(atPath: marker))
        // A build that fails after writing (a broken link is found once every page is made)
        // removes its temporary files and its marker.
        try site.write("content/briefs/wohnen.md", Data(TestSite.brief(title: "Neuer", body: "[x](../nirgends/)").utf8))
        let failed = try await site.run()
        #expect(failed.failed && failed.diagnostics.map(\.id.rawValue) == ["link.broken"])
        #expect(!FileManager.default.fileExists(atPath: marker))
        let hidden = site.files().keys.filter { ($0 as NSString).lastPathComponent.hasPrefix(".") && $0 != ".briefpress-output" }
        #expect(hidden.isEmpty, "\(hidden)")
    }

    @Test("output folders looked at ahead of a rebuild count as they were then; others are looked at when reused")
    func folderStampsAhead() async throws {
        let site = try TestSite(files: ["content/briefs/wohnen.md": TestSite.brief()])
        defer { site.remove() }
        _ = try await site.run()
        let stamps = OutputTransaction.folderStamps(in: site.output, folders: ["briefs/wohnen", "briefs/fehlt"])
        #expect(Array(stamps.keys) == ["briefs/wohnen"])
        let folder = try #require(stamps["briefs/wohnen"])
        let manifest = try #require(OutputTransaction.manifest(of: site.output))
        let records = manifest.paths.filter { $0.hasPrefix("briefs/wohnen/") }
            .map { OutputFileRecord(path: $0, fingerprint: manifest.fingerprint(of: $0) ?? "") }
        #expect(!records.isEmpty)

        let asSeen = try OutputTransaction(target: site.output, manifest: manifest, folderStamps: stamps)
        #expect(asSeen.keep(records, folder: folder))
        asSeen.rollback()
        // A folder that changed after it was looked at ahead is not the recorded one.
        var changed = folder
        changed.modifiedNanoseconds += 1
        let stale = try OutputTransaction(target: site.output, manifest: manifest, folderStamps: ["briefs/wohnen": changed])
        #expect(!stale.keep(records, folder: folder))
        stale.rollback()
        // Not looked at ahead: looked at now.
        let now = try OutputTransaction(target: site.output, manifest: manifest)
        #expect(now.keep(records, folder: folder))
        #expect(!now.keep(records, folder: changed))
        now.rollback()
    }
}
