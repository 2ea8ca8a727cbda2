@testable import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// The feeds' spares and the ledger of what their beginnings share with the published feeds
/// (`SpareLedger`): the shared beginning is not written again, and only while the ledger and
/// both files' stamps vouch for it.
@Suite("Spare ledger")
struct SpareLedgerTests {
    let cache = BuildCacheTests()

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("spare-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `folder/published` and `folder/spare` with the given texts, the published file mapped as
    /// the baseline, and a file streamed over the spare.
    func streamed(in folder: String, published: String, spare: String, inPlace: Int,
                  sharedEnd: Int = 0) throws -> (file: StreamedFile, baseline: MappedFile) {
        try Data(published.utf8).write(to: URL(fileURLWithPath: folder + "/published"))
        try Data(spare.utf8).write(to: URL(fileURLWithPath: folder + "/spare"))
        let baseline = try #require(MappedFile(path: folder + "/published"))
        let file = try StreamedFile(path: "published", destination: folder + "/spare", final: folder + "/published",
                                    baseline: baseline, overwrites: true, inPlace: inPlace, sharedEnd: sharedEnd)
        return (file, baseline)
    }

    @Test("a streamed file leaves the beginning its destination shares with the replaced file as it is, and cuts the rest to size")
    func inPlaceBeginning() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The spare's first seven bytes stand for "HEADER-" (here marked in lower case, so the
        // test sees they were not written again); the rest is longer than the new content.
        let (file, baseline) = try streamed(in: folder, published: "HEADER-old-entry-TAIL",
                                            spare: "hEADER-zzzzzzzzzzzzzzzzzzzzzzzz", inPlace: 7)
        // Compared piece by piece (for the feeds: entry by entry).
        try file.append("HEADER-")
        try file.append("new-entry-")
        try file.append(from: baseline, offset: 17, length: 4)
        #expect(try file.close() != nil)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/spare")), as: UTF8.self)
            == "hEADER-new-entry-TAIL")
        #expect(file.sharedWithBaseline == 7 && file.touchedDestination)

        // Without a shared beginning every byte is written.
        try Data("hEADER-zzzz".utf8).write(to: URL(fileURLWithPath: folder + "/spare"))
        let whole = try StreamedFile(path: "published", destination: folder + "/spare", final: folder + "/published",
                                     baseline: baseline, overwrites: true)
        try whole.append("HEADER-new")
        _ = try whole.close()
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/spare")), as: UTF8.self) == "HEADER-new")
    }

    @Test("a streamed file whose content ends with the replaced file's tail at its old place leaves the end its destination shares as it is")
    func inPlaceEnd() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The spare (as long as the published file) shares its beginning "HEADER-" and its end
        // "-REST" with it (marked in lower case: the test sees they were not written again).
        let (file, baseline) = try streamed(in: folder, published: "HEADER-old-entry-TAIL-REST",
                                            spare: "hEADER-xxxxxxxxx-TAIL-rEST", inPlace: 7, sharedEnd: 5)
        try file.append("HEADER-")
        try file.append("new-entry")  // as long as "old-entry": what follows keeps its place
        try file.append(from: baseline, offset: 16, length: 10)
        #expect(try file.close() != nil)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/spare")), as: UTF8.self)
            == "hEADER-new-entry-TAIL-rEST")
        #expect(file.sharedWithBaseline == 7 && file.sharedEndWithBaseline == 10)

        // A tail at another place (the entry grew): written whole, and no shared end reported.
        let (moved, movedBaseline) = try streamed(in: folder, published: "HEADER-old-entry-TAIL-REST",
                                                  spare: "hEADER-xxxxxxxxxx-TAIL-rEST", inPlace: 7, sharedEnd: 5)
        try moved.append("HEADER-")
        try moved.append("newer-entry")
        try moved.append(from: movedBaseline, offset: 16, length: 10)
        _ = try moved.close()
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/spare")), as: UTF8.self)
            == "hEADER-newer-entry-TAIL-REST")
        #expect(moved.sharedEndWithBaseline == 0)
    }

    @Test("every feed entry fills a slot of whole 512 bytes with at least 64 spaces to spare, before its line break")
    func slots() {
        for length in [0, 1, 447, 448, 449, 511, 512, 1_000, 10_000] {
            let entry = [UInt8](repeating: UInt8(ascii: "a"), count: length) + [UInt8(ascii: "\n")]
            let padded = SiteFeeds.padded(entry)
            #expect(padded.count % SiteFeeds.slotSize == 0, "\(length)")
            #expect(padded.count - entry.count >= SiteFeeds.slotSlack && padded.count - entry.count < SiteFeeds.slotSlack + SiteFeeds.slotSize)
            #expect(padded.starts(with: entry.dropLast()) && padded.last == UInt8(ascii: "\n"))
            #expect(padded.dropFirst(length).dropLast().allSatisfy { $0 == UInt8(ascii: " ") })
        }
        // Without a line break at the end (a JSON Feed item), the spaces simply follow.
        let item = Array("{\"id\":1}".utf8)
        #expect(SiteFeeds.padded(item).starts(with: item) && SiteFeeds.padded(item).count == 512)
        // A small change keeps the slot; one that needs more room takes the next.
        #expect(SiteFeeds.padded([UInt8](repeating: 1, count: 1_000)).count == SiteFeeds.padded([UInt8](repeating: 1, count: 1_010)).count)
        #expect(SiteFeeds.padded([UInt8](repeating: 1, count: 1_000)).count < SiteFeeds.padded([UInt8](repeating: 1, count: 1_500)).count)
    }

    @Test("the ledger reads what it wrote, leaves out lines it cannot read, and vouches only for the stamps it names")
    func ledgerText() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let spare = FileStamp(size: 100, modifiedSeconds: 1_700_000_000, modifiedNanoseconds: 5, inode: 42)
        let published = FileStamp(size: 90, modifiedSeconds: 1_700_000_100, modifiedNanoseconds: 7, inode: 43)
        let ledger = SpareLedger(lines: ["feed.xml": .init(spare: spare, published: published, shared: 80)])
        try ledger.write(to: folder)
        let read = SpareLedger.read(from: folder)
        #expect(read == ledger)
        // A shared end, recorded only for files of the same size, and read back.
        let sameSize = FileStamp(size: 100, modifiedSeconds: 1_700_000_200, modifiedNanoseconds: 9, inode: 44)
        let withEnd = SpareLedger(lines: ["feed.json": .init(spare: spare, published: sameSize, shared: 10, sharedEnd: 70)])
        #expect(SpareLedger(text: withEnd.text) == withEnd)
        #expect((withEnd.line("feed.json", spare: spare, published: sameSize)?.sharedEnd ?? 0) == 70)
        #expect((withEnd.line("feed.json", spare: spare, published: published)?.sharedEnd ?? 0) == 0)
        #expect(SpareLedger(text: "feed.json\t100 1 2 3\t90 1 2 4\t10\t5\n").lines.isEmpty)  // sizes differ
        #expect(SpareLedger(text: "feed.json\t100 1 2 3\t100 1 2 4\t10\t101\n").lines.isEmpty)  // longer than the files
        // Removed before a spare is written into: a build that is killed half way leaves none.
        SpareLedger.remove(from: folder)
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + SpareLedger.fileName))
        #expect(SpareLedger.read(from: folder) == SpareLedger())
        #expect((read.line("feed.xml", spare: spare, published: published)?.shared ?? 0) == 80)
        var touched = spare
        touched.modifiedNanoseconds += 1
        #expect((read.line("feed.xml", spare: touched, published: published)?.shared ?? 0) == 0)
        #expect((read.line("feed.xml", spare: spare, published: nil)?.shared ?? 0) == 0)
        #expect((read.line("feed.json", spare: spare, published: published)?.shared ?? 0) == 0)

        let damaged = SpareLedger(text: ledger.text + "feed.json\t1 2 3\t4 5 6 7\t0\n" + "garbage\n"
                                  + "feed.atom\t10 1 1 1\t10 1 1 2\t11\n")
        #expect(damaged == ledger)
    }

    @Test("after edits anywhere in the feed order the feeds equal a fresh build's, also when a spare or the ledger was changed by hand")
    func feedsStayRight() async throws {
        let site = try BuildCacheTests.site(count: 8)
        defer { site.remove() }
        _ = try await cache.build(site)
        let ledger = site.root.appendingPathComponent(".briefpress/spare/" + SpareLedger.fileName).path
        let spareFeed = site.root.appendingPathComponent(".briefpress/spare/feed.xml").path
        for (round, index) in [3, 3, 7, 1, 8, 2, 2, 5].enumerated() {
            let title = round % 3 == 0 ? "Brief \(index) neu \(round)" : "B \(index).\(round)"
            try site.write("content/briefs/b\(index).md", Data(TestSite.brief(title: title, doi: "10.59350/b.\(index)").utf8))
            switch round {
            case 4:
                // A spare written over by hand (same size): its stamp no longer matches the ledger.
                let size = (try? FileManager.default.attributesOfItem(atPath: spareFeed)[.size] as? Int) ?? 0
                try Data(repeating: UInt8(ascii: "#"), count: size).write(to: URL(fileURLWithPath: spareFeed))
            case 6:
                try Data("feed.xml\tnot a stamp\n".utf8).write(to: URL(fileURLWithPath: ledger))
            default: break
            }
            let report = try await cache.build(site)
            #expect(report.diagnostics.isEmpty)
            #expect(site.read("feed.xml")?.contains(title) == true, "round \(round)")
            #expect(cache.published(site) == (try await cache.freshFiles(site)), "round \(round)")
            // Each commit leaves a ledger line per feed it exchanged with its spare.
            let lines = SpareLedger.read(from: (ledger as NSString).deletingLastPathComponent).lines
            #expect(Set(lines.keys) == ["feed.xml", "feed.json"], "round \(round)")
            #expect(lines.values.allSatisfy { $0.shared > 0 }, "round \(round)")
        }

        // A build that writes no spare (nothing changed) leaves the ledger as it is.
        let before = FileStamp.of(ledger)
        #expect(before != nil)
        _ = try await cache.build(site)
        #expect(FileStamp.of(ledger) == before)

        // The build trusts a spare its ledger vouches for: one changed by hand with its stamp
        // put back (which nothing but a test does) keeps its changed first byte.
        let line = try #require(SpareLedger.read(from: (ledger as NSString).deletingLastPathComponent).lines["feed.xml"])
        try SpareLedger(lines: ["feed.xml": line]).write(to: (ledger as NSString).deletingLastPathComponent)
        let descriptor = open(spareFeed, O_WRONLY)
        #expect(descriptor >= 0 && pwrite(descriptor, "!", 1, 0) == 1)
        var times = [timespec(tv_sec: line.spare.modifiedSeconds, tv_nsec: line.spare.modifiedNanoseconds),
                     timespec(tv_sec: line.spare.modifiedSeconds, tv_nsec: line.spare.modifiedNanoseconds)]
        #expect(futimens(descriptor, &times) == 0)
        close(descriptor)
        try site.write("content/briefs/b8.md", Data(TestSite.brief(title: "Acht", doi: "10.59350/b.8").utf8))
        _ = try await cache.build(site)
        #expect(site.read("feed.xml")?.hasPrefix("!") == true)
    }
}
