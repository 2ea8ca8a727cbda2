import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// The build cache the preview uses: unchanged briefs are not decoded or rendered again, and
/// only changed files are written.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    func options(_ site: TestSite, cache: BuildCache) -> BuildOptions {
        var options = BuildOptions(siteRoot: site.root, output: site.output, includeDrafts: true, today: TestSite.today,
                                   themeSearchPaths: [TestSite.themes])
        options.cache = cache
        return options
    }

    @Test("nothing changed: nothing decoded, rendered or written again; one brief changed: only its files and the site-wide ones")
    func incremental() async throws {
        var files: [String: String] = [:]
        for index in 1...5 {
            files["content/briefs/b\(index).md"] = TestSite.brief(title: "Brief \(index)", doi: "10.59350/b.\(index)")
        }
        let site = try TestSite(files: files)
        defer { site.remove() }
        let cache = BuildCache()
        let first = try await Builder(options: options(site, cache: cache)).run()
        #expect(first.diagnostics.isEmpty)
        #expect(first.filesWritten == first.files.count)

        let unchanged = try await Builder(options: options(site, cache: cache)).run()
        #expect(unchanged.filesWritten == 0)
        #expect(await cache.renderHits == 5)

        try site.write("content/briefs/b3.md", Data(TestSite.brief(title: "Brief drei", doi: "10.59350/b.3").utf8))
        let changed = try await Builder(options: options(site, cache: cache)).run()
        #expect(await cache.renderHits == 9)  // four more reused, b3 rendered again
        #expect(site.read("briefs/b3/index.html")?.contains("<h1>Brief drei</h1>") == true)
        #expect(site.read("index.html")?.contains("Brief drei") == true)
        // b3's page and exports, the home page, feeds and sitemap; never the other briefs.
        #expect(changed.filesWritten <= 10)
        #expect(changed.filesWritten >= 4)

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/briefs/b5.md"))
        _ = try await Builder(options: options(site, cache: cache)).run()
        #expect(site.read("briefs/b5/index.html") == nil)
        #expect(site.read("index.html")?.contains("Brief 5") == false)
    }

    @Test("the cached build gives byte-identical files to a fresh build")
    func sameOutput() async throws {
        let site = try TestSite.example()
        defer { site.remove() }
        let cache = BuildCache()
        _ = try await Builder(options: options(site, cache: cache)).run()
        let cached = try await Builder(options: options(site, cache: cache)).run()
        #expect(cached.filesWritten == 0)
        #expect(await cache.renderHits == 1)
        var fresh = options(site, cache: BuildCache())
        fresh.cache = nil
        fresh.output = site.root.appendingPathComponent("fresh", isDirectory: true)
        _ = try await Builder(options: fresh).run()
        let expected = site.files(in: fresh.output)
        #expect(!expected.isEmpty)
        #expect(site.files() == expected)
    }
}
