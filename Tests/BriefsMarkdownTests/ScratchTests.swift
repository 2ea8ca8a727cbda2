import Testing
@testable import BriefsMarkdown

@Test func scratch() {
    let md = """
    # Wohnungsmarkt im ländlichen Raum
    ééé [x](y) and "*Wort*" geht's -- 1990--2000 ... S. 12, § 3, 10 %, z. B. dies.
    second line [l2](u2 "t\\"q") www.example.com x@y.org
    > quote with[^b] <b>raw</b> and[^A] again[^b]

    - item <https://x.org> foo@bar.com
      1. nested `co"de` [j](javascript:alert(1))

    | a | b | c |
    |:--|--:|:-:|
    | c ~~s~~ | [t](tt) | ![al"t](i.png "ti") |

    <script>alert(1)</script>

    ```py extra
    x = "q" -- ...
    ```
    ***
    line\\
    break 'Wort' and 'don't'

    [^A]: Note A with [link](http://a).

        Second para.
    [^b]: Note b.
    """
    let tree = Markdown.parse(md)
    print(tree.dump())
    var page = MarkdownPageContext()
    let r = Markdown.render(md, options: MarkdownOptions(language: .german, strings: .german, headingBase: 2, idPrefix: "rec-1"), page: &page)
    print(r.html)
    print(r.links.map { "\($0)" }.joined(separator: "\n"))
    print(r.headings, r.anchors, r.issues, r.firstParagraph ?? "nil")
    print(r.plainText)
}
