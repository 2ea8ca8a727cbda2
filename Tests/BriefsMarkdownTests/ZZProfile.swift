import Testing
@testable import BriefsMarkdown

@Test func profile() {
    let block = "## Abschnitt\n\nText mit \"Zitat\", *Betonung*, [Link](x.md) und www.example.org...\n\n"
        + "| a | b |\n|---|---|\n| 1 | 2 |\n\n- Punkt[^n]\n\n"
    var cases = [String(repeating: block, count: 1_048_576 / block.utf8.count + 1) + "[^n]: Note."]
    for unit in [">", "- ", "*", "[", "> - ", "1. "] { cases.append(String(repeating: unit, count: 1_048_576 / unit.utf8.count) + "deep") }
    let clock = ContinuousClock()
    for md in cases {
        var tree = MarkdownNode(kind: .document)
        let t1 = clock.measure { tree = MarkdownParser.parse(md) }
        var typeset = tree
        let t2 = clock.measure { typeset = Typesetter.typeset(tree, language: .german) }
        let t3 = clock.measure { var page = MarkdownPageContext(); var r = HTMLRenderer(options: .init(), page: page); _ = r.render(typeset); page = r.page }
        let t4 = clock.measure { _ = PlainText.document(typeset) }
        print(md.prefix(6).debugDescription, t1, t2, t3, t4)
    }
}
