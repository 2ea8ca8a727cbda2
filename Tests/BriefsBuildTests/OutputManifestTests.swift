@testable import BriefsBuild
import Foundation
import Testing

@Suite("Output manifest")
struct OutputManifestTests {
    private static func text(_ lines: [(String, String)], trailingNewline: Bool = true) -> [UInt8] {
        var text = OutputTransaction.markerText
        text += lines.map { "\($0.0)\t\($0.1)" }.joined(separator: "\n")
        if trailingNewline, !lines.isEmpty { text += "\n" }
        return Array(text.utf8)
    }

    /// What the next manifest must be: every path once, sorted by its UTF-8 bytes.
    private static func reference(_ fingerprints: [String: String]) -> [UInt8] {
        var text = Array(OutputTransaction.markerText.utf8)
        for path in fingerprints.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            text += Array("\(fingerprints[path] ?? "")\t\(path)\n".utf8)
        }
        return text
    }

    @Test("reads fingerprints by path; a repeated path counts once, with its last fingerprint")
    func reading() throws {
        let manifest = OutputManifest(bytes: Self.text([
            ("aaaa", "index.html"), ("bbbb", "briefs/a/index.html"), ("cccc", "index.html"), ("dddd", "zz/ä.html"),
        ], trailingNewline: false) + Array("\nno tab on this line\n".utf8))
        #expect(manifest.count == 3)
        #expect(manifest.fingerprint(of: "index.html") == "cccc")
        #expect(manifest.fingerprint(of: "briefs/a/index.html") == "bbbb")
        #expect(manifest.fingerprint(of: "zz/ä.html") == "dddd")
        #expect(manifest.fingerprint(of: "briefs/a") == nil)
        #expect(manifest.fingerprint(of: "") == nil)
        #expect(manifest.paths == ["briefs/a/index.html", "index.html", "zz/ä.html"])
        #expect(!manifest.isSorted)
        let line = try #require(manifest.line(of: "index.html"))
        #expect(manifest.fingerprint(at: line, is: "cccc"))
        #expect(!manifest.fingerprint(at: line, is: "aaaa"))
        #expect(!manifest.fingerprint(at: line, is: "ccc"))

        #expect(OutputManifest(bytes: []).isEmpty)
        #expect(OutputManifest(bytes: Array(OutputTransaction.markerText.utf8)).isEmpty)
        #expect(OutputManifest(bytes: Self.text([("ffff", "a"), ("eeee", "b")])).isSorted)
    }

    @Test("finds every path of a large manifest and no other")
    func lookups() {
        let paths = (0..<5_000).map { "briefs/brief-\($0)/brief-\($0).\(["bib", "ris", "json", "html"][$0 % 4])" }
        let manifest = OutputManifest(bytes: Self.text(paths.enumerated().map { (String(format: "%016x", $0.offset), $0.element) }))
        #expect(manifest.count == paths.count)
        #expect(paths.allSatisfy { manifest.line(of: $0).map { manifest.path(at: $0) } == $0 })
        #expect((0..<5_000).allSatisfy { manifest.line(of: "briefs/brief-\($0)/other") == nil })
    }

    @Test("the next manifest keeps, changes, drops and adds lines, in byte order, as if written afresh")
    func writing() {
        let previousLines = (0..<40).map { (String(format: "%016x", $0 * 7919), "briefs/b\(String(format: "%02d", $0))/index.html") }
        for sorted in [true, false] {
            for round in 0..<12 {
                let lines = sorted ? previousLines : previousLines.reversed()
                let previous = OutputManifest(bytes: Self.text(lines, trailingNewline: round % 2 == 0))
                #expect(previous.isSorted == sorted)
                var next = [OutputTransaction.NextLine](repeating: .absent, count: previous.lines.count)
                var changed: [Int: String] = [:]
                var expected: [String: String] = [:]
                for index in previous.lines.indices {
                    let path = previous.path(at: index)
                    switch (index * 7 + round) % 4 {
                    case 0: continue
                    case 1:
                        next[index] = .changed
                        changed[index] = "changed\(round)"
                        expected[path] = "changed\(round)"
                    default:
                        next[index] = .same
                        expected[path] = previous.fingerprint(at: index)
                    }
                }
                var added: [String: String] = [:]
                for extra in 0..<(round % 5) * 3 {
                    let path = ["briefs/a\(extra)/x", "briefs/b\(String(format: "%02d", extra * 3))/z.bib", "zz\(extra)", "Ä\(extra)"][extra % 4]
                    added[path] = "new\(extra)"
                    expected[path] = "new\(extra)"
                }
                let written = OutputTransaction.manifest(previous: previous, next: next, changed: changed, added: added)
                #expect(written == Self.reference(expected), "round \(round), sorted \(sorted)")
            }
        }
    }

    @Test("paths are put in the byte order of their UTF-8, not in String's order")
    func byteOrder() {
        let pieces = ["briefs/", "a", "b", "ä", "a\u{308}", "/", "-", "Z", "0", "€", ".html", "\u{1F600}", "index", ""]
        var state: UInt64 = 5
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<200 {
            let paths = (0..<next(40)).map { _ in (0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined() }
            let order = OutputTransaction.bytewiseOrder(paths)
            #expect(order.sorted() == Array(paths.indices))
            let sorted = order.map { Array(paths[$0].utf8) }
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) })
        }
        #expect(OutputTransaction.bytewiseOrder(["ä", "a\u{308}", "b"]) == [1, 2, 0])
    }
}
