import BriefsMarkdown
import Foundation
import Testing

@Suite("Parsing into the Swift tree")
struct ParserTests {
    @Test("dump of a document with every node type matches the golden file")
    func dumpGolden() throws {
        let markdown = try Golden.read("all-nodes.md")
        try Golden.check(Markdown.parse(markdown).dump(), against: "all-nodes.dump.txt")
    }

    @Test("rendering the same document matches the golden HTML")
    func htmlGolden() throws {
        let markdown = try Golden.read("all-nodes.md")
        let result = Render.fragment(markdown, language: .german, headingBase: 2, idPrefix: "bg-1")
        try Golden.check(result.html, against: "all-nodes.html")
    }

    @Test("the tree holds every kind the golden document exercises")
    func everyKind() throws {
        let tree = Markdown.parse(try Golden.read("all-nodes.md"))
        let dump = tree.dump()
        for name in [
            "document", "heading level=1", "paragraph", "text", "emphasis", "strong", "code ",
            "strikethrough", "link ", "autolink", "image ", "softBreak", "lineBreak", "htmlInline",
            "footnoteReference", "blockQuote", "list bullet tight", "list ordered start=3", "listItem",
            "codeBlock", "htmlBlock", "thematicBreak", "table [left, center, right, none]",
            "tableRow header", "tableCell", "heading level=2", "footnoteDefinition",
        ] {
            #expect(dump.contains(name), "missing \(name)")
        }
    }

    @Test("the tree is plain Swift values: equal for equal input")
    func valueSemantics() {
        #expect(Markdown.parse("a *b*") == Markdown.parse("a *b*"))
        #expect(Markdown.parse("a *b*") != Markdown.parse("a **b**"))
    }

    @Test("a NUL in the input does not cut it short")
    func nulCharacter() {
        let result = Render.fragment("before\u{0}after [x](y)")
        #expect(result.html.contains("after"))
        #expect(result.links.count == 1)
    }
}

@Suite("Robustness on large and hostile input")
struct RobustnessTests {
    @Test("a 1 MB document renders without crashing")
    func oneMegabyte() {
        let block = "## Abschnitt\n\nText mit \"Zitat\", *Betonung*, [Link](x.md) und www.example.org...\n\n"
            + "| a | b |\n|---|---|\n| 1 | 2 |\n\n- Punkt[^n]\n\n"
        let markdown = String(repeating: block, count: 1_048_576 / block.utf8.count + 1) + "[^n]: Note."
        #expect(markdown.utf8.count >= 1_048_576)
        let result = Render.fragment(markdown)
        #expect(result.headings.count > 5_000)
        #expect(result.html.hasSuffix("</section>\n"))
    }

    @Test(
        "deep nesting is capped instead of overflowing the stack",
        arguments: [(">", 1_048_576), ("*", 1_048_576), ("[", 1_048_576), ("- ", 262_144), ("> - ", 262_144), ("1. ", 262_144)]
    )
    func deepNesting(unit: String, bytes: Int) {
        // Block nesting costs cmark itself ~0.5 s per megabyte, so those cases are smaller;
        // a quarter megabyte is still thousands of times deeper than the cap.
        let markdown = String(repeating: unit, count: bytes / unit.utf8.count) + "deep"
        let tree = Markdown.parse(markdown)
        #expect(depth(of: tree) <= 70)
        let result = Render.fragment(markdown)
        #expect(result.html.contains("deep"))
    }

    private func depth(of node: MarkdownNode) -> Int {
        1 + (node.children.map { depth(of: $0) }.max() ?? 0)
    }

    @Test("renders run in parallel without sharing state (strikethrough, tables, autolinks in every one)")
    func concurrentRenders() async {
        // libcmark-gfm keeps the extensions' special characters in one global table; parses on
        // several threads at once must not switch them off for each other.
        let results = await withTaskGroup(of: [String].self) { group in
            for task in 0..<4 {
                group.addTask {
                    (0..<300).map { index in
                        Render.fragment("# T \(task)-\(index)\n\n| a |\n|---|\n| ~~\(index)~~ |\n\nSiehe www.example.org und ~~alt~~.").html
                    }
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(results.count == 1200)
        #expect(results.allSatisfy { $0.components(separatedBy: "<del>").count == 3 })
        #expect(results.allSatisfy { $0.contains("<table") && $0.contains("href=\"http://www.example.org\"") })
    }
}
