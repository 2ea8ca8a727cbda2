import BriefsMarkdown
import Testing

@Suite("Rendering CommonMark and GFM")
struct GFMRenderingTests {
    @Test("an empty string renders to nothing")
    func emptyInput() {
        let result = Render.fragment("")
        #expect(result.html == "")
        #expect(result.links.isEmpty && result.headings.isEmpty && result.anchors.isEmpty)
        #expect(result.firstParagraph == nil)
        #expect(result.plainText == "")
        #expect(Markdown.parse("").dump() == "document @1:1\n")
    }

    @Test("paragraphs, emphasis, strong and code spans")
    func paragraphsAndInlines() {
        #expect(Render.html("One *two* **three** `four`\n\nFive") ==
            "<p>One <em>two</em> <strong>three</strong> <code>four</code></p>\n<p>Five</p>\n")
    }

    @Test("a soft break stays a newline and a hard break becomes <br>")
    func breaks() {
        #expect(Render.html("a\nb  \nc\\\nd") == "<p>a\nb<br>\nc<br>\nd</p>\n")
    }

    @Test("tight lists drop <p>, loose lists keep it, ordered lists keep their start")
    func lists() {
        #expect(Render.html("- a\n- b\n  1. c") ==
            "<ul>\n<li>a</li>\n<li>b\n<ol>\n<li>c</li>\n</ol>\n</li>\n</ul>\n")
        #expect(Render.html("- a\n\n- b") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
        #expect(Render.html("3. x\n4. y") == "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n")
    }

    @Test("block quotes and thematic breaks")
    func quotesAndBreaks() {
        #expect(Render.html("> a\n\n***") == "<blockquote>\n<p>a</p>\n</blockquote>\n<hr>\n")
    }

    @Test("code blocks get a sanitized language class and escaped content")
    func codeBlocks() {
        #expect(Render.html("```c++ extra words\na < b && \"c\"\n```") ==
            "<pre><code class=\"language-c++\">a &lt; b &amp;&amp; &quot;c&quot;\n</code></pre>\n")
        #expect(Render.html("```\"><script>\nx\n```") == "<pre><code class=\"language-script\">x\n</code></pre>\n")
        #expect(Render.html("    indented\n") == "<pre><code>indented\n</code></pre>\n")
    }

    @Test("tables get a labelled scroll region, header cells with scope, and alignment classes")
    func tables() {
        let markdown = "| A | B | C | D |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |"
        let expected = """
            <div class="table-scroll" role="region" tabindex="0" aria-label="Tabelle"><table>
            <thead>
            <tr>
            <th scope="col" class="align-left">A</th>
            <th scope="col" class="align-center">B</th>
            <th scope="col" class="align-right">C</th>
            <th scope="col">D</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left">1</td>
            <td class="align-center">2</td>
            <td class="align-right">3</td>
            <td>4</td>
            </tr>
            </tbody>
            </table></div>

            """
        #expect(Render.html(markdown, language: .german) == expected)
        #expect(!Render.html(markdown).contains("style="))
    }

    @Test("a table with only a header row has no tbody")
    func headerOnlyTable() {
        let html = Render.html("| A |\n|---|")
        #expect(html.contains("<thead>") && !html.contains("<tbody>"))
    }

    @Test("strikethrough becomes <del>")
    func strikethrough() {
        #expect(Render.html("~~gone~~ and ~also~") == "<p><del>gone</del> and <del>also</del></p>\n")
    }

    @Test("pointy, www and e-mail autolinks become links without typography in the URL")
    func autolinks() {
        #expect(Render.html("<https://a.org/x--y...>") ==
            "<p><a href=\"https://a.org/x--y...\">https://a.org/x--y...</a></p>\n")
        #expect(Render.html("see www.example.com and me@example.org") ==
            "<p>see <a href=\"http://www.example.com\">www.example.com</a> and "
            + "<a href=\"mailto:me@example.org\">me@example.org</a></p>\n")
        let links = Render.fragment("<https://a.org> www.b.org c@d.org").links
        #expect(links.map(\.destination) == ["https://a.org", "http://www.b.org", "mailto:c@d.org"])
    }

    @Test("links and images carry their titles; images become <img> with alt")
    func linksAndImages() {
        #expect(Render.html("[a](b.html \"T\") ![Alt *text*](i.png \"Title\") ![x](j.png)") ==
            "<p><a href=\"b.html\" title=\"T\">a</a> <img src=\"i.png\" alt=\"Alt text\" title=\"Title\"> "
            + "<img src=\"j.png\" alt=\"x\"></p>\n")
    }

    @Test("reference-style links resolve")
    func referenceLinks() {
        #expect(Render.html("[a][r]\n\n[r]: /target \"T\"") == "<p><a href=\"/target\" title=\"T\">a</a></p>\n")
    }

    @Test("the caller's rewrite maps destinations and sees whether it is a link or an image")
    func rewriting() {
        let result = Render.fragment("[o](other.md) ![i](pic.png)") { destination, kind in
            kind == .image ? "img/" + destination : destination.replacing(".md", with: "/")
        }
        #expect(result.html == "<p><a href=\"other/\">o</a> <img src=\"img/pic.png\" alt=\"i\"></p>\n")
        // The record keeps the destination as written.
        #expect(result.links.map(\.destination) == ["other.md", "pic.png"])
    }

    @Test("every link and image is listed in document order with its kind and text")
    func linkList() {
        let links = Render.fragment("[one](1) ![two](2)\n\n> [three *3*](3 \"t\")").links
        #expect(links.map(\.destination) == ["1", "2", "3"])
        #expect(links.map(\.kind) == [.link, .image, .link])
        #expect(links.map(\.text) == ["one", "two", "three 3"])
        #expect(links[2].title == "t")
    }

    @Test("rendering is deterministic")
    func deterministic() {
        let markdown = "# H\n\nText[^a] and \"quotes\".\n\n[^a]: Note."
        #expect(Render.fragment(markdown) == Render.fragment(markdown))
    }
}
