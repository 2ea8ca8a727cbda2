@testable import BriefsCore
import Foundation
import Testing

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

    @Test("the example brief and the test site's briefs read the same both ways")
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
                count += 1
            }
        }
        #expect(count >= 3)
    }
}
