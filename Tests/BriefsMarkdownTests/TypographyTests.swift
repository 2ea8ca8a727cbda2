import BriefsMarkdown
import Testing

@Suite("Typography by language")
struct TypographyTests {
    @Test("language tags choose the conventions by their primary subtag")
    func languageTags() {
        #expect(TypographyLanguage(bcp47: "de") == .german)
        #expect(TypographyLanguage(bcp47: "de-AT") == .german)
        #expect(TypographyLanguage(bcp47: "DE_ch") == .german)
        #expect(TypographyLanguage(bcp47: "en") == .english)
        #expect(TypographyLanguage(bcp47: "en-GB") == .english)
        #expect(TypographyLanguage(bcp47: "fr") == .other)
        #expect(TypographyLanguage(bcp47: "") == .other)
    }

    @Test("German uses low-high double and single quotes")
    func germanQuotes() {
        #expect(Typography.apply(#"Er sagte "Hallo" und 'tschüss'."#, language: .german)
            == "Er sagte \u{201E}Hallo\u{201C} und \u{201A}tschüss\u{2018}.")
        #expect(Typography.apply(#""Er sagte 'Hallo'.""#, language: .german)
            == "\u{201E}Er sagte \u{201A}Hallo\u{2018}.\u{201C}")
    }

    @Test("English uses curly double and single quotes")
    func englishQuotes() {
        #expect(Typography.apply(#""Hello," she said, 'really'."#, language: .english)
            == "\u{201C}Hello,\u{201D} she said, \u{2018}really\u{2019}.")
        #expect(Typography.apply(#"("quoted")"#, language: .english) == "(\u{201C}quoted\u{201D})")
    }

    @Test("quotes pair up across emphasis, strong and links within a block")
    func quotesAcrossNodes() {
        #expect(Render.html(#""*Wort*""#, language: .german) == "<p>\u{201E}<em>Wort</em>\u{201C}</p>\n")
        #expect(Render.html(#"**"a"** "[b](c)""#, language: .english)
            == "<p><strong>\u{201C}a\u{201D}</strong> \u{201C}<a href=\"c\">b</a>\u{201D}</p>\n")
        #expect(Render.html("\"`code`\"", language: .german)
            == "<p>\u{201E}<code>code</code>\u{201C}</p>\n")
    }

    @Test("apostrophes inside and after words become U+2019 in both languages")
    func apostrophes() {
        for language in [TypographyLanguage.german, .english] {
            #expect(Typography.apply("geht's", language: language) == "geht\u{2019}s")
            #expect(Typography.apply("don't", language: language) == "don\u{2019}t")
            #expect(Typography.apply("the 80's", language: language) == "the 80\u{2019}s")
            #expect(Typography.apply("in the '90s", language: language) == "in the \u{2019}90s")
            #expect(Typography.apply("Jones' book", language: language) == "Jones\u{2019} book")
        }
        #expect(Typography.apply("'don't'", language: .german) == "\u{201A}don\u{2019}t\u{2018}")
    }

    @Test("spaced hyphens and double hyphens become en dashes; number ranges too")
    func dashes() {
        #expect(Typography.apply("a - b -- c", language: .german) == "a \u{2013} b \u{2013} c")
        #expect(Typography.apply("S. 10--12, 1990--2000", language: .english).contains("10\u{2013}12, 1990\u{2013}2000"))
        #expect(Typography.apply("Wohnungs-Markt und --flag und ---", language: .german)
            == "Wohnungs-Markt und --flag und ---")
    }

    @Test("three dots become an ellipsis")
    func ellipsis() {
        #expect(Typography.apply("Und dann...", language: .german) == "Und dann\u{2026}")
        #expect(Typography.apply("wait... what", language: .other) == "wait\u{2026} what")
    }

    @Test(
        "non-breaking spaces keep numbers and abbreviations together",
        arguments: [
            ("S. 12", "S.\u{00A0}12"), ("Nr. 3", "Nr.\u{00A0}3"), ("§ 3", "§\u{00A0}3"),
            ("10 %", "10\u{00A0}%"), ("z. B. hier", "z.\u{00A0}B. hier"), ("d. h.", "d.\u{00A0}h."),
            ("Abs. 2", "Abs.\u{00A0}2"),
        ]
    )
    func nonBreakingSpaces(input: String, expected: String) {
        #expect(Typography.apply(input, language: .german) == expected)
        #expect(Typography.apply(input, language: .english) == expected)
    }

    @Test("ordinary spaces after a full stop stay breakable")
    func ordinarySpaces() {
        #expect(Typography.apply("Das Haus. 12 Personen. Ende. A b.", language: .german)
            == "Das Haus. 12 Personen. Ende. A b.")
    }

    @Test("other languages get only ellipses and dashes")
    func otherLanguage() {
        #expect(Typography.apply(#""x" 'y' z. B. 10 % a - b..."#, language: .other)
            == "\"x\" 'y' z. B. 10 % a \u{2013} b\u{2026}")
    }

    @Test("nothing changes inside code spans, code blocks or URL text")
    func codeIsUntouched() {
        let markdown = """
            Use `"x" -- y... 'z' S. 12` here.

            ```
            "x" -- y... don't S. 12
            ```

            <https://a.org/x--y...>
            """
        let html = Render.html(markdown, language: .german)
        #expect(html.contains("<code>&quot;x&quot; -- y... 'z' S. 12</code>"))
        #expect(html.contains("<pre><code>&quot;x&quot; -- y... don't S. 12\n</code></pre>"))
        #expect(html.contains(">https://a.org/x--y...</a>"))
    }

    @Test("link destinations are never typeset, only link text")
    func destinationsUntouched() {
        #expect(Render.html("[\"a\" -- b](x--y...)", language: .german)
            == "<p><a href=\"x--y...\">\u{201E}a\u{201C} \u{2013} b</a></p>\n")
    }

    @Test("typography applies to headings, table cells and footnotes in a rendered fragment")
    func renderedBlocks() {
        let result = Render.fragment("# \"Titel\"\n\n| \"a\" |\n|---|\n\nx[^1]\n\n[^1]: \"Note\"", language: .german)
        #expect(result.headings.first?.text == "\u{201E}Titel\u{201C}")
        #expect(result.headings.first?.id == "titel")
        #expect(result.html.contains("<th scope=\"col\">\u{201E}a\u{201C}</th>"))
        #expect(result.html.contains("<p>\u{201E}Note\u{201C} <a"))
    }
}
