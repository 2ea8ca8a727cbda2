@testable import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// `FeedWriter` with entries copied from the previous feeds: the feeds come out as a fresh
/// write would make them, whether the copied entries stood next to each other there or not.
@Suite("Feed writer")
struct FeedWriterTests {
    let feeds = SiteFeeds(site: SiteConfig(title: "Forschung", baseURL: "https://example.org/"),
                          updated: BriefDate(year: 2025, month: 6, day: 1))
    let date = BriefDate(year: 2025, month: 6, day: 1)

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("feeds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func text(_ name: String) -> FeedParts {
        FeedParts(atom: .text(Array("<entry>\(name)</entry>\n".utf8)), json: .text(Array("{\"id\":\"\(name)\"}".utf8)),
                  modified: date)
    }

    /// Writes `parts` into `folder/name.xml` and `.json` (over `baseline`, when given); returns
    /// the parts' places and the two files' texts.
    func write(_ parts: [FeedParts], to folder: String, name: String, previous: FeedWriter.Previous?,
               baseline: FeedWriter.Previous? = nil) throws -> (places: [FeedParts], atom: String, json: String) {
        let atom = try StreamedFile(path: "feed.xml", destination: "\(folder)/\(name).xml", final: "\(folder)/\(name).xml",
                                    baseline: baseline?.atom)
        let json = try StreamedFile(path: "feed.json", destination: "\(folder)/\(name).json", final: "\(folder)/\(name).json",
                                    baseline: baseline?.json)
        var writer = try FeedWriter(site: feeds, atom: atom, json: json, previous: previous)
        let places = try parts.map { try writer.append($0) }
        try writer.finish()
        let atomChanged = try atom.close() != nil
        let jsonChanged = try json.close() != nil
        func read(_ path: String, _ changed: Bool, _ old: MappedFile?) throws -> String {
            if !changed, let old { return String(decoding: old.bytes, as: UTF8.self) }
            return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }
        return (places, try read("\(folder)/\(name).xml", atomChanged, baseline?.atom),
                try read("\(folder)/\(name).json", jsonChanged, baseline?.json))
    }

    @Test("entries copied from the previous feeds, next to each other there or not, give the feeds a fresh write gives")
    func copiedEntries() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let names = ["a", "b", "c", "d"]
        let first = try write(names.map(text), to: folder, name: "first", previous: nil)
        let previous = FeedWriter.Previous(atom: try #require(MappedFile(path: folder + "/first.xml")),
                                           json: try #require(MappedFile(path: folder + "/first.json")))
        #expect(try JSONSerialization.jsonObject(with: Data(first.json.utf8)) is [String: Any])

        // Which entries come from the old feeds (by index into `names`) and which are new text.
        let cases: [(label: String, parts: [(String, Int?)])] = [
            ("all copied, in their old order", [("a", 0), ("b", 1), ("c", 2), ("d", 3)]),
            ("one left out between two copied ones", [("a", 0), ("c", 2), ("d", 3)]),
            ("a new one between copied ones", [("a", 0), ("x", nil), ("b", 1), ("c", 2)]),
            ("copied ones in another order", [("b", 1), ("a", 0), ("d", 3), ("c", 2)]),
            ("the first one new", [("y", nil), ("a", 0), ("b", 1)]),
        ]
        for (number, example) in cases.enumerated() {
            let parts = example.parts.map { name, index in index.map { first.places[$0] } ?? text(name) }
            let fresh = try write(example.parts.map { text($0.0) }, to: folder, name: "fresh-\(number)", previous: nil)
            let copied = try write(parts, to: folder, name: "copied-\(number)", previous: previous)
            let over = try write(parts, to: folder, name: "over-\(number)", previous: previous, baseline: previous)
            #expect(copied.atom == fresh.atom && copied.json == fresh.json, "\(example.label)")
            #expect(over.atom == fresh.atom && over.json == fresh.json, "\(example.label), over the old feeds")
        }
    }
}
