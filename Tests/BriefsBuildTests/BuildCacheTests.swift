import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// The build cache in `.briefpress/build-cache`: unchanged briefs are neither decoded nor
/// rendered again, and whatever it reuses, the output is byte for byte that of a fresh build.
@Suite("Build cache")
struct BuildCacheTests {
    func options(_ site: TestSite, cache: Bool = true, output: URL? = nil) -> BuildOptions {
        var options = BuildOptions(siteRoot: site.root, output: output ?? site.output, today: TestSite.today,
                                   themeSearchPaths: [TestSite.themes])
        if cache { options.cacheFile = cacheURL(site) }
        options.keepsFiles = false
        return options
    }

    func build(_ site: TestSite, cache: Bool = true, output: URL? = nil) async throws -> BuildReport {
        try await Builder(options: options(site, cache: cache, output: output)).run()
    }

    /// The output of a build without any cache, for comparison.
    func freshFiles(_ site: TestSite) async throws -> [String: Data] {
        let folder = site.root.appendingPathComponent("fresh-\(UUID().uuidString)", isDirectory: true)
        let report = try await build(site, cache: false, output: folder)
        #expect(!report.failed)
        return published(site, folder: folder)
    }

    /// The files of an output as readers get them. The manifest `.briefpress-output` is left
    /// out of byte comparisons: for a feed spliced from the previous feed it records which runs
    /// were copied rather than a hash of the copied bytes (reading them back would cost what
    /// the splice saves), so only its list of paths must equal a fresh build's.
    func published(_ site: TestSite, folder: URL? = nil) -> [String: Data] {
        var files = site.files(in: folder)
        let manifest = files.removeValue(forKey: ".briefpress-output").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let listed = Set(manifest.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").last.map(String.init) })
        #expect(listed == Set(files.keys))
        return files
    }

    static func site(count: Int = 5) throws -> TestSite {
        var files: [String: String] = [:]
        for index in 1...count {
            files["content/briefs/b\(index).md"] = TestSite.brief(
                title: "Brief \(index)", doi: "10.59350/b.\(index)",
                body: "Die Einleitung mit [einem Verweis](b\(index % count + 1).md#handlungsimpulse).")
        }
        return try TestSite(files: files)
    }

    @Test("nothing changed: nothing rendered or written; one brief changed (also its date): only it is rendered, and the output equals a fresh build")
    func reuse() async throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = try await build(site)
        #expect(first.diagnostics.isEmpty)
        #expect(first.reusedBriefs == 0)

        let unchanged = try await build(site)
        #expect(unchanged.filesWritten == 0)
        #expect(unchanged.reusedBriefs == 5)

        // A new title and a newer date: the entry moves to the top of the feeds.
        try site.write("content/briefs/b3.md", Data(TestSite.brief(title: "Brief drei", doi: "10.59350/b.3")
            .replacingOccurrences(of: "date: 2025-06-14", with: "date: 2025-09-01").utf8))
        let changed = try await build(site)
        #expect(changed.diagnostics.isEmpty)
        #expect(changed.reusedBriefs == 4)
        #expect(changed.filesWritten > 0)
        #expect(published(site) == (try await freshFiles(site)))
        #expect(site.read("feed.xml")?.contains("Brief drei") == true)

        // Touched, not changed: still reused.
        try site.write("content/briefs/b2.md", Data(TestSite.brief(
            title: "Brief 2", doi: "10.59350/b.2", body: "Die Einleitung mit [einem Verweis](b3.md#handlungsimpulse).").utf8))
        let touched = try await build(site)
        #expect(touched.reusedBriefs == 5)
        #expect(touched.filesWritten == 0)
    }

    @Test("a first build into an empty folder, which swaps the new output in, leaves a cache the next build reuses in full")
    func firstBuildIntoEmptyFolder() async throws {
        let site = try Self.site(count: 40)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        let first = try await build(site)
        #expect(first.diagnostics.isEmpty)
        #expect(first.filesWritten > 0)
        // The cache took the stamps of the folders and feeds while the output was moved into
        // place: they must be those of the output as it stands now.
        let unchanged = try await build(site)
        #expect(unchanged.reusedBriefs == 40)
        #expect(unchanged.filesWritten == 0)
        #expect(published(site) == (try await freshFiles(site)))
    }

    @Test("an in-place rebuild replaces changed files and leaves no temporary file behind")
    func noTemporaryFiles() async throws {
        let site = try Self.site(count: 3)
        defer { site.remove() }
        _ = try await build(site)
        try site.write("content/briefs/b2.md", Data(TestSite.brief(title: "Brief zwei", doi: "10.59350/b.2").utf8))
        let report = try await build(site)
        #expect(report.filesWritten > 0)
        #expect(site.read("briefs/b2/index.html")?.contains("Brief zwei") == true)
        #expect(published(site) == (try await freshFiles(site)))
        let everything = FileManager.default.enumerator(atPath: site.root.path)?.allObjects as? [String] ?? []
        #expect(!everything.isEmpty)
        #expect(everything.filter { $0.contains(".briefpress-") && !$0.hasSuffix(".briefpress-output") } == [])
    }

    @Test("a brief is rendered again when an image next to it changes")
    func dependencies() async throws {
        let site = try Self.site(count: 2)
        defer { site.remove() }
        try site.write("content/briefs/bild.png", Data([0x89, 0x50, 0x4E, 0x47, 1]))
        try site.write("content/briefs/b1.md", Data(TestSite.brief(
            title: "Brief 1", doi: "10.59350/b.1", body: "Die Einleitung.\n\n![Ein Bild](bild.png)").utf8))
        _ = try await build(site)
        try site.write("content/briefs/bild.png", Data([0x89, 0x50, 0x4E, 0x47, 2, 3]))
        let report = try await build(site)
        #expect(report.reusedBriefs == 1)
        #expect(site.files()["briefs/b1/bild.png"] == Data([0x89, 0x50, 0x4E, 0x47, 2, 3]))
        #expect(published(site) == (try await freshFiles(site)))
    }

    @Test("a damaged cache file is ignored and written anew")
    func damagedCache() async throws {
        let site = try Self.site(count: 2)
        defer { site.remove() }
        _ = try await build(site)
        try site.write(".briefpress/build-cache", Data("briefpress build cache\n\u{7}kaputt".utf8))
        try FileManager.default.removeItem(at: site.output)
        let report = try await build(site)
        #expect(report.diagnostics.isEmpty)
        #expect(report.reusedBriefs == 0)
        #expect(published(site) == (try await freshFiles(site)))
        #expect(try await build(site).reusedBriefs == 2)
    }

    @Test("a check run does not spoil the cache; a file deleted from the output comes back")
    func checkAndRepair() async throws {
        let site = try Self.site(count: 3)
        defer { site.remove() }
        _ = try await build(site)
        var check = options(site)
        check.output = nil
        let checked = try await Builder(options: check).run()
        #expect(checked.reusedBriefs == 3)
        #expect(try await build(site).reusedBriefs == 3)

        try FileManager.default.removeItem(at: site.output.appendingPathComponent("briefs/b2/b2.bib"))
        let repaired = try await build(site)
        #expect(repaired.filesWritten >= 1)
        #expect(site.read("briefs/b2/b2.bib") != nil)
    }

    @Test("a build that stops on an error leaves output and cache as they were")
    func failedBuild() async throws {
        let site = try Self.site(count: 3)
        defer { site.remove() }
        _ = try await build(site)
        let before = site.files()
        try site.write("content/briefs/b2.md", Data(TestSite.brief(title: "Brief 2", doi: "10.59350/b.2")
            .replacingOccurrences(of: "date: 2025-06-14", with: "date: 2025-13-01").utf8))
        let failed = try await build(site)
        #expect(failed.failed)
        #expect(site.files() == before)
        try site.write("content/briefs/b2.md", Data(TestSite.brief(
            title: "Brief 2", doi: "10.59350/b.2", body: "Die Einleitung mit [einem Verweis](b3.md#handlungsimpulse).").utf8))
        let fixed = try await build(site)
        #expect(!fixed.failed)
        #expect(published(site) == (try await freshFiles(site)))
    }

    func cacheURL(_ site: TestSite) -> URL { site.root.appendingPathComponent(".briefpress/build-cache") }

    func cacheSize(_ site: TestSite) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: cacheURL(site).path)[.size] as? Int) ?? -1
    }

    @Test("a theme whose home page shows the briefs' titles, authors and dates gets them from reused briefs too")
    func homeEntryDetails() async throws {
        let site = try Self.site(count: 3)
        defer { site.remove() }
        // The default theme, except a home page that lists the fields instead of the rendered entries.
        let theme = TestSite.themes.appendingPathComponent("default")
        for path in FileManager.default.enumerator(atPath: theme.path)?.compactMap({ $0 as? String }) ?? [] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: theme.appendingPathComponent(path).path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            try site.write("themes/listing/" + path, try Data(contentsOf: theme.appendingPathComponent(path)))
        }
        try site.write("themes/listing/templates/home.mustache", Data("""
            {{<layout}}{{$main}}{{#groups}}{{#briefs}}<p>{{url}}|{{title}}|{{authors}}|{{date.display}}|{{headingLevel}}|{{#isDraft}}draft{{/isDraft}}</p>
            {{/briefs}}{{/groups}}{{/main}}{{/layout}}
            """.utf8))
        try site.write("content/site.yaml", Data((TestSite.siteYAML + "theme: listing\n").utf8))
        let first = try await build(site)
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        let home = try #require(site.read("index.html"))
        #expect(home.contains("briefs/b2/|Brief 2|"))
        let again = try await build(site)
        #expect(again.reusedBriefs == 3 && again.filesWritten == 0)
        try site.write("content/briefs/b1.md", Data(TestSite.brief(title: "Eins", doi: "10.59350/b.1").utf8))
        _ = try await build(site)
        #expect(site.read("index.html")?.contains("briefs/b2/|Brief 2|") == true)
        #expect(site.read("index.html")?.contains("|Eins|") == true)
        #expect(published(site) == (try await freshFiles(site)))
    }

    @Test("a rebuild appends what changed to the cache file; deleted briefs stay deleted when it is read back")
    func journal() async throws {
        let site = try Self.site(count: 30)
        defer { site.remove() }
        _ = try await build(site)
        let whole = cacheSize(site)
        for round in 1...3 {
            try site.write("content/briefs/b\(round).md", Data(TestSite.brief(
                title: "Brief \(round) neu", doi: "10.59350/b.\(round)",
                body: "Die Einleitung mit [einem Verweis](b\(round + 1).md#handlungsimpulse).").utf8))
            let size = cacheSize(site)
            let report = try await build(site)
            #expect(report.reusedBriefs == 29)
            // One brief's entry and a few feed places, not the whole cache again.
            #expect(cacheSize(site) > size && cacheSize(site) - size < whole / 4, "round \(round): \(size) → \(cacheSize(site)), whole \(whole)")
        }
        #expect(published(site) == (try await freshFiles(site)))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/briefs/b30.md"))
        try site.write("content/briefs/b29.md", Data(TestSite.brief(title: "Brief 29", doi: "10.59350/b.29",
                                                                    body: "Ohne Verweis.").utf8))
        let deleted = try await build(site)
        #expect(deleted.diagnostics.isEmpty)
        #expect(published(site) == (try await freshFiles(site)))
        // Read back: everything reused, the deleted brief gone for good.
        let again = try await build(site)
        #expect(again.reusedBriefs == 29 && again.filesWritten == 0)
        #expect(BuildCache.load(from: cacheURL(site)).entryCount == 29)
    }

    @Test("a cache whose last append was cut off or spoiled keeps what came before, and is written anew")
    func damagedJournal() async throws {
        let site = try Self.site(count: 6)
        defer { site.remove() }
        _ = try await build(site)
        try site.write("content/briefs/b1.md", Data(TestSite.brief(title: "Eins", doi: "10.59350/b.1").utf8))
        _ = try await build(site)
        let url = cacheURL(site)
        let intact = try Data(contentsOf: url)
        for damage in ["cut", "spoiled", "garbage"] {
            var bytes = intact
            switch damage {
            case "cut": bytes.removeLast(7)
            case "spoiled": bytes[bytes.count - 3] ^= 0xFF
            default: bytes.append(contentsOf: [0x05, 0x01, 0x02])
            }
            try bytes.write(to: url)
            try site.write("content/briefs/b2.md", Data(TestSite.brief(title: "Zwei \(damage)", doi: "10.59350/b.2").utf8))
            let report = try await build(site)
            #expect(report.diagnostics.isEmpty)
            // The segments before the damage are read (the feed places they hold describe feeds
            // written over since, so their briefs are rendered again, which is always safe).
            #expect(report.reusedBriefs < 6, "\(damage)")
            #expect(published(site) == (try await freshFiles(site)), "\(damage)")
            #expect(BuildCache.load(from: url).entryCount == 6, "\(damage)")
            #expect(try await build(site).reusedBriefs == 6, "\(damage)")
        }
    }

    @Test("feeds are written over the spare copies the last build left in .briefpress/spare, outside the output")
    func spareFeeds() async throws {
        let site = try Self.site(count: 4)
        defer { site.remove() }
        _ = try await build(site)
        let spare = site.root.appendingPathComponent(".briefpress/spare/feed.xml").path
        for round in 1...3 {
            let before = site.read("feed.xml")
            try site.write("content/briefs/b2.md", Data(TestSite.brief(title: "Zwei \(round)", doi: "10.59350/b.2").utf8))
            let report = try await build(site)
            #expect(report.filesWritten > 0)
            #expect(site.read("feed.xml")?.contains("Zwei \(round)") == true)
            // The replaced feed is the next spare; nothing extra is published.
            #expect(FileManager.default.contents(atPath: spare).map { String(decoding: $0, as: UTF8.self) } == before)
            #expect(published(site) == (try await freshFiles(site)), "round \(round)")
        }
        // While another build holds the spares, this one writes its feeds under temporary names.
        let lock = open(site.root.appendingPathComponent(".briefpress/spare/lock").path, O_RDWR)
        #expect(lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) == 0)
        let held = FileManager.default.contents(atPath: spare)
        try site.write("content/briefs/b4.md", Data(TestSite.brief(title: "Vier", doi: "10.59350/b.4").utf8))
        _ = try await build(site)
        #expect(FileManager.default.contents(atPath: spare) == held)
        #expect(site.read("feed.xml")?.contains("Vier") == true)
        #expect(published(site) == (try await freshFiles(site)))
        close(lock)
        // A spare that is longer than the next feed is cut to size.
        try site.write(".briefpress/spare/feed.json", Data(String(repeating: "x", count: 1 << 20).utf8))
        try site.write("content/briefs/b3.md", Data(TestSite.brief(title: "Drei", doi: "10.59350/b.3").utf8))
        _ = try await build(site)
        #expect(published(site) == (try await freshFiles(site)))
    }
}
