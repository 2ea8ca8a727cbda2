@testable import BriefsCore
import Foundation
import Testing
import TestSupport

/// Front matter is read from libyaml's events directly, and through Yams only when that fast
/// way gives up (errors, aliases, repeated keys): both must give the same values and positions.
@Suite("YAML reading")
struct YAMLReaderTests {
    static let documents: [String] = [
        "title: Wohnen\nlang: de\n",
        "title: \"Gequotet: mit Doppelpunkt\"\nsubtitle: 'einfach ''quoted'''\nnumber: 7\n",
        "text: |\n  Zeile eins\n\n  Zeile zwei mit **fett**\nnext: >\n  gefaltet\n  weiter\n\n  Absatz\n",
        "plain: eine lange\n  Zeile über\n  drei Zeilen\nkeywords: [Integration, \"Ankommen, vor Ort\", ländlicher Raum]\n",
        "authors:\n  - name: Erika Muster\n    orcid: 0000-0002-1825-0097\n    affiliations: [tuc]\n  - Jan Schmidt\n",
        "empty:\nnull: ~\nnested:\n  deeper:\n    - a\n    - {x: 1, y: [2, 3]}\n",
        "# Kommentar\ntitle: Emoji 🎉 und Umlaute äöü # Kommentar dahinter\ndate: 2025-06-14\n",
        "quoted: \"Tab\\there, newline\\nand unicode \\u00e4\"\nkey with spaces: value\n",
        "recommendations:\n  - title: Eins\n    text: |\n      Absatz\n    quotes:\n      - text: Zitat\n        source: Ort 1\n",
        "",
        "---\ntitle: explicit document start\n...\n",
    ]

    @Test("the fast path reads what Yams reads, position for position", arguments: documents)
    func sameAsYams(document: String) throws {
        let fast = try #require(YAMLReader.readEvents(document, path: "x.md", firstLine: 2))
        #expect(fast == (try YAMLReader.readWithYams(document, path: "x.md", firstLine: 2).get()))
    }

    @Test("errors, aliases, repeated keys and several documents go through Yams", arguments: [
        "title: [unclosed\n", "a: &anchor 1\nb: *anchor\n", "title: A\ntitle: B\n", "a: 1\n---\nb: 2\n",
        "? [complex, key]\n: value\n", "title: \"never closed\n",
    ])
    func givesUp(document: String) {
        #expect(YAMLReader.readEvents(document, path: "x.md", firstLine: 2) == nil)
    }

    @Test("the example brief and the test site's briefs read the same all three ways")
    func realBriefs() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ["content/briefs", "Tests/Fixtures/sites/multi/content/briefs"]
        var count = 0
        for folder in folders {
            let url = repository.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".md") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                let split = try FrontMatterSplit.split(text, path: name).get()
                let fast = try #require(YAMLReader.readEvents(split.yaml, path: name, firstLine: split.yamlFirstLine))
                #expect(fast == (try YAMLReader.readWithYams(split.yaml, path: name, firstLine: split.yamlFirstLine).get()))
                let block = try #require(BlockYAMLReader.read(split.yaml, path: name, firstLine: split.yamlFirstLine))
                #expect(block == fast)
                count += 1
            }
        }
        #expect(count >= 3)
    }

    // MARK: - The block reader (from bytes, before libyaml)

    /// What libyaml reads: its events, or Yams's composer when those give up; `nil` for an error.
    static func libyaml(_ document: String) -> YAMLNode?? {
        if let events = YAMLReader.readEvents(document, path: "x.md", firstLine: 2) { return events }
        return try? YAMLReader.readWithYams(document, path: "x.md", firstLine: 2).get()
    }

    /// Documents in the style editors write: the block reader must read each, as libyaml does.
    static let blockDocuments: [String] = [
        "title: Wohnen\nlang: de\n",
        "title: Wohnen\nlang: de",
        "",
        "# nur ein Kommentar\n\n",
        "title: \"Gequotet: mit Doppelpunkt\"\nsubtitle: 'einfach ''quoted'''\nnumber: 7\n",
        "quoted: \"a \\\"b\\\" c\\\\d\\/e\\nf\\tg\"\n",
        "text: |\n  Zeile eins\n\n  Zeile zwei mit **fett**\nnext: >\n  gefaltet\n  weiter\n\n  Absatz\n",
        "keep: |+\n  eins\n\n\nstrip: |-\n  zwei\n\nfolded: >-\n  a\n  b\n\n\n  c\nlast: >+\n  d\n\n",
        "text: |\n\n  nach Leerzeile\n    eingerückt\n  zurück\n  \n  ende",
        "leading: >\n\n\n  spät\n  gefaltet\n",
        "keywords: [Integration, \"Ankommen, vor Ort\", ländlicher Raum, 'x']\nleer: []\n",
        "authors:\n  - name: Erika Muster\n    orcid: 0000-0002-1825-0097\n    affiliations: [tuc]\n  - Jan Schmidt\n",
        "empty:\nnull: ~\nnested:\n  deeper:\n    - a\n    - b\n",
        "# Kommentar\ntitle: Emoji 🎉 und Umlaute äöü # Kommentar dahinter\ndate: 2025-06-14\n",
        "key with spaces: value\nurl: https://example.org/a#b?c=d\ndoi: 10.59350/6q4yk-hgq87\n",
        "recommendations:\n  - title: Eins\n    text: |\n      Absatz\n    quotes:\n      - text: Zitat\n        source: Ort 1\n",
        "liste:\n- a\n- b\nweiter: 1\n",
        "liste:\n  - a:\n  - b: 2\n    c:\n    - x\n    - y\n  -\n  - # leer\n    z\nende:\n",
        "verschachtelt:\n  - - a\n    - b\n  - -c\n",
        "wert:   \n  auf der nächsten Zeile\nzwei:\n  # Kommentar\n  x: 1\n",
        "äöü: Schlüssel mit Umlauten\nspalte: ünd dann nicht\n",
        "nur ein Wert\n",
        "references:\n  - \"Muster, A. (2011). *Titel*. Verlag. https://doi.org/10.59350/0wrap-71f16\"\n",
    ]

    @Test("the block reader reads editors' front matter as libyaml does", arguments: blockDocuments)
    func blockReaderReads(document: String) throws {
        let block = try #require(BlockYAMLReader.read(document, path: "x.md", firstLine: 2))
        #expect(block == Self.libyaml(document))
    }

    /// Things libyaml reads differently, or only with rules the block reader leaves to it.
    static let blockGivesUp: [String] = [
        "plain: eine lange\n  Zeile über\n  drei Zeilen\n", "tab:\there\n", "crlf: a\r\nb: c\r\n",
        "a: &anchor 1\nb: *anchor\n", "title: A\ntitle: B\n", "a: 1\n---\nb: 2\n", "---\ntitle: x\n",
        "? [complex, key]\n: value\n", "title: \"never closed\n", "flow: {x: 1}\n", "tagged: !str 1\n",
        "escape: \"\\u00e4\"\n", "indicator: |2\n  text\n", "comment: | # why\n  text\n",
        "folded: >\n  a\n    more\n  b\n", "blank: |\n      \n  text\n", "a: b: c\n", "  indented: root\n",
        "list: [a, [b]]\n", "list: [a, ]\n", "quoted: \"multi\n  line\"\n", "seq:\n  - a\n  b: 1\n",
        "a:\n    b: 1\n  c: 2\n", "bom: \u{FEFF}x\n", "nel: a\u{85}b\n", "key: \"a\" b\n",
        "empty: |\nnext: 1\n",
        "lang: de\ntitle: abcdefgh\u{7F}ijklmnopq\n", "lang: de\ntitle: abcdefgh\u{01}ijklmnop\n",
        "lang: de\ntitle: abcdefghijklmn\u{1F}op\n", "lang: de\ntitle: abcdefghijklmnopqrstuvw\u{9F}\n",
    ]

    @Test("the block reader leaves the rest to libyaml", arguments: blockGivesUp)
    func blockReaderGivesUp(document: String) {
        #expect(BlockYAMLReader.read(document, path: "x.md", firstLine: 2) == nil)
    }

    @Test("deep nesting and very wide mappings are left to libyaml, which stops deep nesting with an error")
    func deepNesting() throws {
        let shallow = "extra:\n" + String(repeating: "- ", count: 150) + "x\n"
        #expect(BlockYAMLReader.read(shallow, path: "x.md", firstLine: 2) == nil)
        #expect(try YAMLReader.read(shallow, path: "x.md", firstLine: 2).get() == Self.libyaml(shallow))
        // A mapping of hundreds of keys is left to libyaml too (repeated keys are looked for pair by pair).
        let wide = (0..<300).map { "k\($0): v\n" }.joined()
        #expect(BlockYAMLReader.read(wide, path: "x.md", firstLine: 2) == nil)
        let long = "keywords: [" + Array(repeating: "a", count: 300).joined(separator: ", ") + "]\n"
        #expect(BlockYAMLReader.read(long, path: "x.md", firstLine: 2) == nil)
        #expect(try YAMLReader.read(long, path: "x.md", firstLine: 2).get() == Self.libyaml(long))
        #expect(try YAMLReader.read(wide, path: "x.md", firstLine: 2).get() == Self.libyaml(wide))
        for levels in [1_500, 15_000] {
            let deep = "extra:\n" + String(repeating: "- ", count: levels) + "x\n"
            guard case .failure(let diagnostic) = YAMLReader.read(deep, path: "x.md", firstLine: 2) else {
                Issue.record("\(levels) levels were read")
                continue
            }
            #expect(diagnostic.id == FrontMatterProblem.invalidYAML(problem: "").id)
            #expect(diagnostic.message.contains("nested more than 1,000 levels deep"), "\(diagnostic.message)")
        }
    }

    /// The example brief's front matter and one with every construct the block reader knows,
    /// mutated thousands of times (characters that matter to YAML inserted, lines indented,
    /// doubled or cut): whatever the block reader reads must be what libyaml reads, and where
    /// libyaml finds an error the block reader must give up.
    @Test("mutated front matter: the block reader reads what libyaml reads, or gives up")
    func mutations() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: repository.appendingPathComponent("content/briefs/integrationschampions.md"), encoding: .utf8)
        let everything = Self.blockDocuments.enumerated().map { index, document in
            // Each document's keys made unique, so that joined they are one valid mapping.
            document.isEmpty || document.hasPrefix("#") ? document : "part\(index):\n" + document.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n"
        }.joined()
        let bases = [try FrontMatterSplit.split(example, path: "x.md").get().yaml, everything]
        #expect(BlockYAMLReader.read(everything, path: "x.md", firstLine: 2) != nil)
        let insertions = [" ", "  ", "\n", "\n\n", ":", ": ", "#", " #", "-", "- ", "\"", "'", "|", ">", "|-", ">+", "[", "]",
                          ",", "\\", "x", "ä", "~", "\n  - ", "\n- ", "\nkey: ", "  # c\n", "'x'", "\"y\"", "[a, b]", "|\n    t\n"]
        var random = SplitMix64(state: 0x5EED)
        var read = 0
        var total = 0
        for base in bases {
            let bytes = Array(base.utf8)
            for _ in 0..<1500 {
                var mutated = bytes
                for _ in 0..<(1 + random.next(2)) {
                    var at = random.next(mutated.count + 1)
                    while at < mutated.count, mutated[at] & 0xC0 == 0x80 { at += 1 }
                    switch random.next(6) {
                    case 0 where at < mutated.count:
                        // Cut up to three bytes of ASCII.
                        let cut = min(mutated.count, at + 1 + random.next(3))
                        if mutated[at..<cut].allSatisfy({ $0 < 0x80 }) { mutated.removeSubrange(at..<cut) }
                    case 1:
                        // Indent or dedent the line by one or two spaces.
                        let lineStart = mutated[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                        if random.next(2) == 0 {
                            mutated.insert(contentsOf: Array(repeating: 0x20, count: 1 + random.next(2)), at: lineStart)
                        } else if lineStart < mutated.count, mutated[lineStart] == 0x20 {
                            mutated.remove(at: lineStart)
                        }
                    default:
                        mutated.insert(contentsOf: Array(random.pick(insertions).utf8), at: at)
                    }
                }
                let document = String(decoding: mutated, as: UTF8.self)
                total += 1
                guard let block = BlockYAMLReader.read(document, path: "x.md", firstLine: 2) else { continue }
                read += 1
                let reference = Self.libyaml(document)
                #expect(reference != nil, "libyaml finds an error in:\n\(document)")
                if let reference, block != reference {
                    Issue.record("read differently:\n\(document)\nblock: \(String(describing: block))\nlibyaml: \(String(describing: reference))")
                }
            }
        }
        // Most mutations keep the document in the block reader's part of YAML.
        #expect(read > total / 4)
    }
}
