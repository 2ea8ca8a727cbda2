import BriefsMarkdown
import Testing

@Suite("Source positions in Unicode scalars")
struct PositionTests {
    @Test("a link after multi-byte characters gets its scalar column, not cmark's byte column")
    func multiByteColumn() {
        let link = Render.fragment("ééé [x](y)").links.first
        #expect(link?.line == 1)
        #expect(link?.column == 5)
    }

    @Test("links and images on line 3 of a paragraph have the right line and column")
    func thirdLine() {
        let links = Render.fragment("first\nsecond\nthird ü [a](b) ![c](d.png)").links
        #expect(links.map(\.line) == [3, 3])
        #expect(links.map(\.column) == [9, 16])
    }

    @Test("emoji and combining marks count as the scalars they are")
    func emoji() {
        let links = Render.fragment("👩‍👩‍👧 a\u{0308} [x](y)").links
        // 👩‍👩‍👧 is 5 scalars, then space, a, U+0308, space.
        #expect(links.first?.column == 10)
    }

    @Test("autolinks and inline HTML in list items get the positions cmark shifts")
    func autolinksInContainers() {
        let result = Render.fragment("- item <https://x.org> [a](b)\n  cont <i> me@ex.org www.w.org")
        #expect(result.links.map(\.destination) == ["https://x.org", "b", "mailto:me@ex.org", "http://www.w.org"])
        #expect(result.links.map(\.line) == [1, 1, 2, 2])
        #expect(result.links.map(\.column) == [8, 24, 12, 22])
        #expect(result.issues == [MarkdownIssue(kind: .rawHTML, line: 2, column: 8)])
    }

    @Test("two identical autolinks on one line get two positions")
    func identicalAutolinks() {
        let links = Render.fragment("a@b.org a@b.org").links
        #expect(links.map(\.column) == [1, 9])
    }

    @Test("positions inside block quotes and tables")
    func containers() {
        let result = Render.fragment("> é [q](r)\n\n| é | x |\n|---|---|\n| [t](u) | ![i](j) |")
        #expect(result.links.map(\.line) == [1, 5, 5])
        #expect(result.links.map(\.column) == [5, 3, 12])
    }

    @Test("CR LF and lone CR line endings count as one line break each")
    func lineEndings() {
        #expect(Render.fragment("a\r\nb\r\nçc [x](y)").links.first.map { [$0.line, $0.column] } == [3, 4])
        #expect(Render.fragment("a\rb\r\n\r[x](y)").links.first.map { [$0.line, $0.column] } == [4, 1])
    }

    @Test("unsafe URLs are reported where the link starts")
    func unsafePosition() {
        let issues = Render.fragment("one\n\nzwei: „ä“ [x](javascript:void(0))").issues
        #expect(issues == [MarkdownIssue(kind: .unsafeURL("javascript:void(0)"), line: 3, column: 11)])
    }

    @Test("issues are sorted by position even when footnotes render last")
    func issueOrder() {
        let issues = Render.fragment("[^1]: <i>early</i>\n\nText[^1] <b>").issues
        #expect(issues.map(\.line) == [1, 1, 3])
    }
}
