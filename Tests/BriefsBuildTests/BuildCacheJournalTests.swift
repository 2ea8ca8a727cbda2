@testable import BriefsBuild
import Foundation
import Testing

/// The journal of `.briefpress/build-cache` seen from one long-lived cache: what it appended and
/// then wrote whole reads back the same.
@Suite("Build cache journal")
struct BuildCacheJournalTests {
    /// A three-brief site built once with its cache file, and that file.
    static func builtSite() async throws -> (site: TestSite, cache: URL) {
        let site = try BuildCacheTests.site(count: 3)
        let url = site.root.appendingPathComponent(".briefpress/build-cache")
        var options = BuildOptions(siteRoot: site.root, output: site.output, today: TestSite.today,
                                   themeSearchPaths: [TestSite.themes])
        options.cacheFile = url
        do {
            _ = try await Builder(options: options).run()
        } catch {
            site.remove()
            throw error
        }
        return (site, url)
    }

    @Test("a cache that appends and later writes itself whole reads back every entry as it was")
    func appendThenRewrite() async throws {
        let (site, url) = try await Self.builtSite()
        defer { site.remove() }

        let cache = BuildCache.load(from: url)
        let paths = ["content/briefs/b1.md", "content/briefs/b2.md", "content/briefs/b3.md"]
        var first = try #require(cache.entry(paths[0]), "keys: \(cache.entryCount)")
        first.contentHash &+= 1
        cache.store(paths[0], first)
        let before = try Data(contentsOf: url).count
        try cache.save(to: url)
        #expect(try Data(contentsOf: url).count > before, "appended")

        // Another change, and the file no longer as the cache left it: written whole.
        var second = try #require(cache.entry(paths[1]))
        second.contentHash &+= 7
        cache.store(paths[1], second)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([1, 2, 3]))
        try handle.close()
        try cache.save(to: url)

        let read = BuildCache.load(from: url)
        #expect(read.entryCount == 3)
        #expect(read.entry(paths[0])?.contentHash == first.contentHash)
        #expect(read.entry(paths[1])?.contentHash == second.contentHash)
        #expect(read.entry(paths[2])?.contentHash == cache.entry(paths[2])?.contentHash)
        #expect(read.entry(paths[0])?.render?.slug == "b1")
    }

    @Test("a cache of hundreds of entries (decoded in two halves) reads back every entry in its place")
    func manyEntries() async throws {
        let (site, url) = try await Self.builtSite()
        defer { site.remove() }

        let cache = BuildCache.load(from: url)
        let template = try #require(cache.entry("content/briefs/b2.md"))
        for number in 0..<600 {
            var entry = template
            entry.contentHash = UInt64(number) &* 0x9E37_79B9_7F4A_7C15
            cache.store("content/briefs/many-\(number).md", entry)
        }
        try cache.save(to: url)

        let read = BuildCache.load(from: url)
        #expect(read.entryCount == 603)
        for number in 0..<600 {
            let entry = read.entry("content/briefs/many-\(number).md")
            #expect(entry?.contentHash == UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
            #expect(entry?.render?.slug == "b2")
            #expect(entry?.render?.files == template.render?.files)
        }
        #expect(read.entry("content/briefs/b1.md")?.render?.slug == "b1")
    }
}
