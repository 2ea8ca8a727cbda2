import BriefsMarkdown
import Testing

@Suite("Raw HTML and unsafe destinations")
struct SafetyTests {
    @Test("a script block comes out as visible escaped text and is reported")
    func scriptBlock() {
        let result = Render.fragment("Intro\n\n<script>alert(1)</script>\n")
        #expect(result.html == "<p>Intro</p>\n<p class=\"raw-html\">&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
        #expect(result.issues == [MarkdownIssue(kind: .rawHTML, line: 3, column: 1)])
    }

    @Test("an inline event-handler image is escaped and reported at its column")
    func inlineImageTag() {
        let result = Render.fragment("Look <img src=x onerror=alert(1)> here")
        #expect(result.html == "<p>Look &lt;img src=x onerror=alert(1)&gt; here</p>\n")
        #expect(result.issues == [MarkdownIssue(kind: .rawHTML, line: 1, column: 6)])
        #expect(!result.html.contains("<img"))
    }

    @Test("an image tag on its own line is an HTML block and is escaped too")
    func imageTagBlock() {
        let result = Render.fragment("<img src=x onerror=alert(1)>")
        #expect(result.html == "<p class=\"raw-html\">&lt;img src=x onerror=alert(1)&gt;</p>\n")
        #expect(result.issues.map(\.kind) == [.rawHTML])
    }

    @Test("each inline tag is its own issue")
    func inlineTags() {
        let result = Render.fragment("a <b>bold</b>")
        #expect(result.html == "<p>a &lt;b&gt;bold&lt;/b&gt;</p>\n")
        #expect(result.issues.map(\.column) == [3, 10])
    }

    @Test("a javascript: link keeps only its text and is reported")
    func javascriptLink() {
        let result = Render.fragment("[x](javascript:alert(1))")
        #expect(result.html == "<p>x</p>\n")
        #expect(result.issues == [MarkdownIssue(kind: .unsafeURL("javascript:alert(1)"), line: 1, column: 1)])
        #expect(result.links.map(\.destination) == ["javascript:alert(1)"])
    }

    @Test(
        "script-capable schemes are caught in any case and behind spaces, controls or tabs",
        arguments: [
            "JavaScript:alert(1)", "vbscript:msgbox", "DATA:text/html;base64,PHNjcmlwdD4=",
            "<  javascript:alert(1)>", "java&#9;script:alert(1)", "&#1;javascript:alert(1)",
            "java&#10;script:x",
        ]
    )
    func unsafeSchemes(destination: String) {
        let result = Render.fragment("[x](\(destination)) ![y](\(destination))")
        #expect(!result.html.contains("href") && !result.html.contains("src"))
        #expect(result.issues.count == 2)
    }

    @Test("ordinary destinations with colons are not mistaken for schemes")
    func safeDestinations() {
        let result = Render.fragment("[a](https://x.org/javascript:y) [b](notes/data:1) [c](mailto:a@b.org)")
        #expect(result.issues.isEmpty)
        #expect(result.html.contains("href=\"https://x.org/javascript:y\""))
        #expect(result.html.contains("href=\"notes/data:1\""))
    }

    @Test("an unsafe image renders its alt text only")
    func unsafeImage() {
        #expect(Render.html("![a <b> \"c\"](data:image/png;base64,AAAA)") == "<p>a &lt;b&gt; “c”</p>\n")
    }

    @Test("a rewrite that produces an unsafe destination is refused too")
    func unsafeRewrite() {
        let result = Render.fragment("[x](page.md)") { _, _ in "javascript:alert(1)" }
        #expect(result.html == "<p>x</p>\n")
        #expect(result.issues.map(\.kind) == [.unsafeURL("javascript:alert(1)")])
    }

    @Test("quotes in titles, alt texts and destinations are escaped in attributes")
    func attributeEscaping() {
        let html = Render.html(#"[t](/a?b="c"&d "say \"hi\" <now>") ![al\"t & <x>](i.png "ti\"tle")"#)
        #expect(html.contains(#"href="/a?b=&quot;c&quot;&amp;d""#))
        #expect(html.contains(#"title="say &quot;hi&quot; &lt;now&gt;""#))
        #expect(html.contains(#"alt="al”t &amp; &lt;x&gt;""#))
        #expect(html.contains(#"title="ti&quot;tle""#))
    }

    @Test("text and code are escaped everywhere")
    func textEscaping() {
        #expect(Render.html("a & b < c > d `<e> & \"f\"`") ==
            "<p>a &amp; b &lt; c &gt; d <code>&lt;e&gt; &amp; &quot;f&quot;</code></p>\n")
    }

    @Test("heading ids and footnote ids with special characters are safe attributes")
    func idEscaping() {
        let result = Render.fragment("# \"><script>\n\nx[^a\"b]\n\n[^a\"b]: n", idPrefix: "p\" x")
        #expect(!result.html.contains("<script>"))
        #expect(result.anchors.allSatisfy { !$0.contains("\"") && !$0.contains(" ") })
    }
}
