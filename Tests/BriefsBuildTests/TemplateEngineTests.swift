@testable import BriefsBuild
import Foundation
import Mustache
import Testing
import TestSupport

/// briefpress renders themes with its own Mustache engine (for speed) and checks their syntax
/// with swift-mustache; these tests hold the two to the same output: on the built-in theme's
/// templates with full view models, and on thousands of generated templates.
@Suite("Template engine")
struct TemplateEngineTests {
    // MARK: - The reference: swift-mustache over the same values

    /// Shows a `TemplateValue` to swift-mustache the way the view models used to show themselves.
    struct Reference: MustacheParent {
        let object: any TemplateObject
        func child(named name: String) -> Any? { object.value(forKey: name).map(Self.convert) }

        static func convert(_ value: TemplateValue) -> Any {
            switch value {
            case .text(let text): text
            case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
            case .number(let number): number
            case .bool(let flag): flag
            case .absent: Missing()
            case .list(let items): items.map(convert)
            case .object(let object): Reference(object: object)
            case .dictionary(let words): words
            }
        }
    }

    struct Missing: MustacheCustomRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }

    /// Renders `main` with both engines (`partials` available to both) and returns both texts.
    func renderBoth(_ main: String, partials: [String: String] = [:], root: any TemplateObject) throws -> (ours: String, reference: String) {
        var reference = MustacheLibrary()
        var ours = TemplateLibrary()
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { _, new in new }) {
            try reference.register(text, named: name)
            ours.register(try TemplateParser.parse(text), named: name)
        }
        return (ours.render(.object(root), template: "main") ?? "<none>",
                reference.render(Reference(object: root), withTemplate: "main") ?? "<none>")
    }

    // MARK: - Test data

    final class Item: TemplateObject {
        let name: String
        let id: Int
        let note: String?
        init(name: String, id: Int, note: String?) {
            self.name = name
            self.id = id
            self.note = note
        }
        func value(forKey key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name)
            case "id": .number(id)
            case "note": .optional(note)
            default: nil
            }
        }
    }

    final class Root: TemplateObject {
        func value(forKey key: String) -> TemplateValue? {
            switch key {
            case "name": .text("Ankommen <& \"vor\" 'Ort'>")
            case "html": .text("<em>schon</em> HTML")
            case "empty": .absent
            case "flag": .bool(true)
            case "off": .bool(false)
            case "count": .number(3)
            case "zero": .number(0)
            case "items": .objects([Item(name: "eins", id: 1, note: "a"), Item(name: "zwei", id: 2, note: nil),
                                    Item(name: "drei & vier", id: 3, note: "c")])
            case "none": .list([])
            case "words": .strings(["x", "y<z"])
            case "nested": .object(Item(name: "innen", id: 9, note: nil))
            case "t": .dictionary(["hello": "Hallo", "quote": "„Zitat“"])
            default: nil
            }
        }
    }

    // MARK: - Hand-picked cases

    static let cases: [String] = [
        "Hallo {{name}} / {{{name}}} / {{&name}}!",
        "{{#items}}{{name}}:{{id}}{{#note}}({{.}}){{/note}},{{/items}}",
        "{{#items}}\n  {{name}}\n{{/items}}\n",
        "  {{#flag}}\n  ja\n  {{/flag}}\n  {{^off}}\n  nein\n  {{/off}}\n",
        "{{^none}}leer{{/none}}|{{^items}}nie{{/items}}|{{^empty}}fehlt{{/empty}}",
        "{{nested.name}} {{nested.id}} {{nested.missing}} {{t.hello}} {{t.quote}} {{#nested}}{{name}}/{{count}}{{/nested}}",
        "{{#items}}{{#first()}}[{{/first()}}{{name}}{{^last()}}, {{/last()}}{{#last()}}]{{/last()}}{{index()}}{{/items}}",
        "{{uppercased(name)}} {{count(items)}} {{plusone(count)}} {{#empty(none)}}leer{{/empty(none)}} {{#equalzero(zero)}}0{{/equalzero(zero)}}",
        "a\n  {{> part}}\nb\n",
        "{{#items}}\n  {{> part}}\n{{/items}}",
        "{{<layout}}\n{{$title}}Eigener Titel{{/title}}\n{{$body}}\n  Körper {{name}}\n  zweite Zeile\n{{/body}}\n{{/layout}}\n",
        "{{<layout}}{{/layout}}",
        "{{! Kommentar }}\n{{=<% %>=}}\n<% name %> {{name}}\n<%={{ }}=%>\n{{name}}\n",
        "  {{! alleine }}  \nText {{! mitten }} weiter\n",
        "{{#words}}<{{.}}>{{/words}} {{#t}}{{hello}}{{/t}} {{#name}}{{.}}{{/name}}",
        "{{% CONTENT_TYPE: TEXT}}{{name}}",
        "\r\n{{#flag}}\r\nCRLF\r\n{{/flag}}\r\n",
        "{{#items}}{{#nested}}{{name}}-{{id}}{{/nested}}{{/items}}",
        "{{ name }}{{# flag }}x{{/ flag }}",
        "zeile\n   ",
        "{{=« »=}}« name » {{name}} «#flag»ja«/flag»\n«={{ }}=»{{name}}",
        "{{=\u{2039}\u{2039} \u{203A}\u{203A}=}}\u{2039} \u{2039}\u{2039}name\u{203A}\u{203A} \u{2039}\u{2039} name \u{203A}\u{203A}.",
    ]

    static let partials = [
        "part": "Teil {{name}}\n  eingerückt\n{{#flag}}\nbedingt\n{{/flag}}\n",
        "layout": "<h1>{{$title}}Standard{{/title}}</h1>\n<main>\n  {{$body}}leer{{/body}}\n</main>\n",
    ]

    @Test("hand-picked templates render as with swift-mustache", arguments: cases)
    func handPicked(template: String) throws {
        let (ours, reference) = try renderBoth(template, partials: Self.partials, root: Root())
        #expect(ours == reference)
    }

    // MARK: - Generated templates

    /// Also Windows line ends, non-ASCII spaces and letters, other line breaks, and combining
    /// accents, also on a brace, a space or a tab: the parser steps over one-byte characters by
    /// their byte and asks the `String` where the others end.
    static let texts = ["a", " ", "  ", "\n", "\t", "Wort", " <&> ", "\n  ", "x\n", "}", "{", "{ {",
                        "\r\n", "\u{00A0}", "ü", "e\u{301}", "\u{2003}x", "\r", "\u{0B}", "\u{85}", "\u{2028}",
                        "{\u{301}", "}\u{301}", " \u{301}", "\t\u{301}", "\u{301}", "\r\u{301}"]
    /// Names of single values. Printing a list or an object gives swift-mustache's debug
    /// description of the Swift value, and briefpress nothing; templates never mean to do that.
    static let values = ["name", "html", "empty", "flag", "off", "count", "nested.name", "t.hello", "id", "note",
                         "missing", "zero"]
    static let names = values + ["items", "none", "words", "nested", "t"]

    func generate(_ random: inout SplitMix64, depth: Int) -> String {
        var result = ""
        for _ in 0..<(1 + random.next(5)) {
            switch random.next(depth > 2 ? 6 : 9) {
            case 0, 1: result += random.pick(Self.texts)
            case 2: result += random.pick(["{{", "{{ ", "{{\u{00A0}", "{{\t"]) + random.pick(Self.values) + random.pick(["}}", " }}", "\u{2003}}}"])
            case 3: result += "{{{\(random.pick(Self.values))}}}"
            case 4: result += random.pick(["{{! c }}", "\n{{! c }}\n", "  {{> part}}\n", "{{> part}}", "\n  {{> part}}  \n"])
            case 5: result += random.pick(["{{#first()}}F{{/first()}}", "{{index()}}", "{{&name}}", "\n",
                                           "\n{{<layout}}\n  {{$body}}\n    x {{name}}\n  {{/body}}\n{{/layout}}\n",
                                           "{{<layout}}{{$title}}{{count}}{{/title}}{{/layout}}", "  {{$title}}\n  d\n  {{/title}}\n"])
            default:
                let name = random.pick(Self.names)
                let sigil = random.pick(["#", "^"])
                let open = random.pick(["", "\n", "  ", "\n  "]) + "{{\(sigil)\(name)}}" + random.pick(["", "\n", "  \n"])
                let close = random.pick(["", "\n", "  "]) + "{{/\(name)}}" + random.pick(["", "\n", " \n"])
                result += open + generate(&random, depth: depth + 1) + close
            }
        }
        return result
    }

    @Test("thousands of generated templates render as with swift-mustache")
    func generated() throws {
        var random = SplitMix64(state: 2026)
        var compared = 0
        for _ in 0..<3000 {
            let template = generate(&random, depth: 0)
            // Only templates swift-mustache accepts reach the renderer in a build.
            guard (try? MustacheTemplate(string: template)) != nil else { continue }
            let (ours, reference) = try renderBoth(template, partials: Self.partials, root: Root())
            #expect(ours == reference, "template: \(template.debugDescription)")
            compared += 1
        }
        #expect(compared > 2000)
    }

    @Test("broken templates: briefpress's parser refuses exactly what swift-mustache refuses")
    func sameRefusals() {
        var random = SplitMix64(state: 77)
        var broken = 0
        for _ in 0..<4000 {
            var characters = Array(generate(&random, depth: 0))
            guard !characters.isEmpty else { continue }
            // Break it: drop, double or swap a character, or cut it short.
            let position = random.next(characters.count)
            switch random.next(4) {
            case 0: characters.remove(at: position)
            case 1: characters.insert(characters[position], at: position)
            case 2: characters[position] = random.pick(["{", "}", "#", "/", "^", "!", ">", "<", "$", "=", " ", "\n", "("])
            default: characters.removeSubrange(position...)
            }
            let template = String(characters)
            let theirs = (try? MustacheTemplate(string: template)) != nil
            let ours = (try? TemplateParser.parse(template)) != nil
            #expect(ours == theirs, "template: \(template.debugDescription)")
            if !theirs { broken += 1 }
        }
        #expect(broken > 500)
    }

    // MARK: - The built-in theme

    static func theme() throws -> Theme {
        let loader = ThemeLoader(searchPaths: [TestSite.themes], siteRoot: TestSite.repository)
        let (theme, problems) = loader.load(name: "default")
        #expect(problems.isEmpty)
        return try #require(theme)
    }

    static func pageView(full: Bool) -> BriefPageView {
        let date = DateView(iso: "2025-06-14", display: "14. Juni 2025")
        let quotes = full ? [QuoteView(html: Array("<p>Ein „Zitat“</p>".utf8), source: "Interview, Ort 1", lang: "en"),
                             QuoteView(html: Array("<p>Zwei</p>".utf8), source: "B & C", lang: nil)] : []
        let page = PageView(lang: "de", title: "Titel – Site", description: full ? "Kurz <b>" : "", canonicalURL: full ? "https://x.org/briefs/a/" : "",
                            root: "../../", siteTitle: "Forschung & Migration", homeURL: "../../",
                            stylesheetURL: "../../assets/style.css", isDraft: full, t: ["recommendations": "Handlungsimpulse", "cite": "Zitieren"],
                            headHTML: Array("<meta name=\"x\" content=\"y\">".utf8),
                            alternates: [AlternateLink(href: "https://x.org/feed.xml", hreflang: nil, type: "application/atom+xml", title: "Atom"),
                                         AlternateLink(href: "https://x.org/en/", hreflang: "en", type: nil, title: nil)])
        return BriefPageView(
            page: page, slug: "a", seriesLine: full ? "Handlungsimpulse Nr. 7" : nil, title: "Titel <i>", subtitle: full ? "Untertitel" : nil,
            authors: [AuthorView(name: "Erika Muster", orcidURL: full ? "https://orcid.org/0000-0002-1825-0097" : nil, affiliationNumbers: "1,2", separator: " und "),
                      AuthorView(name: "Jan O'Neill", orcidURL: nil, affiliationNumbers: "", separator: "")],
            affiliations: [AffiliationView(number: 1, name: "TU Chemnitz", unit: full ? "Professur" : nil, rorURL: "https://ror.org/00a208s56")],
            showAffiliationNumbers: full, date: date, updated: full ? date : nil, ledeHTML: Array("<p>Lede</p>".utf8),
            recommendations: [SectionView(number: 1, id: "recommendation-1", anchorID: "erstens", title: "Erstens", html: Array("<p>Text</p>".utf8), quotes: quotes)],
            background: full ? [SectionView(number: 1, id: "background-1", anchorID: "hinter", title: "Hinter", html: [], quotes: [])] : [],
            researchHTML: full ? Array("<p>Forschung</p>".utf8) : nil, references: full ? ["Ref <a href=\"x\">1</a>"] : [],
            imprint: ImprintView(publisher: "TU", unit: full ? "Professur" : nil, place: "Chemnitz", contact: full ? "a@b.de" : nil,
                                 contactURL: full ? "mailto:a@b.de" : nil, authors: "Erika Muster", authorsLabel: "Autorin", date: date,
                                 doi: "10.59350/x", doiURL: "https://doi.org/10.59350/x", licenseName: "CC BY 4.0",
                                 licenseURL: full ? "https://creativecommons.org/licenses/by/4.0/" : nil),
            translation: full ? TranslationView(url: "../b/", lang: "en", label: "English version") : nil,
            image: full ? ImageView(src: "cover.jpg", alt: "Ein Bild") : nil, keywords: full ? ["Integration"] : [],
            cite: CiteView(citationHTML: "Muster, E. (2025). <i>Titel</i>.", downloads: [DownloadView(href: "a.bib", type: "application/x-bibtex", label: "BibTeX")]),
            print: PrintInfo(fullTitle: "Titel: Untertitel", authorNames: ["Erika Muster"], authorLine: "Erika Muster",
                             keywords: full ? "Integration" : nil, footerText: "https://doi.org/10.59350/x"),
            headingIDs: ["recommendations": "handlungsimpulse", "cite": "zitieren"])
    }

    @Test("the built-in theme's templates render as with swift-mustache", arguments: ["brief", "brief-body", "print"])
    func builtInTheme(template: String) throws {
        let theme = try Self.theme()
        let folder = TestSite.themes.appendingPathComponent("default/templates")
        var reference = MustacheLibrary()
        for name in ["layout", "brief", "brief-body", "print", "home", "home-entry", "404"] {
            try reference.register(String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8), named: name)
        }
        for full in [true, false] {
            let view = Self.pageView(full: full)
            let expected = reference.render(Reference(object: view), withTemplate: template)
            #expect(theme.render(view, template: template) == expected, "\(template), full: \(full)")
        }
        let entry = BriefSummaryView(url: "briefs/a/", title: "T", subtitle: "U", authors: "A, B",
                                     date: DateView(iso: "2025", display: "2025"), summary: "S <", lang: "en",
                                     seriesLine: "Reihe", isDraft: true)
        let home = HomePageView(page: Self.pageView(full: true).page,
                                groups: [SeriesGroupView(series: "Reihe", briefs: [entry])], showSeriesHeadings: true)
        #expect(theme.render(home, template: "home") == reference.render(Reference(object: home), withTemplate: "home"))
        #expect(theme.render(entry, template: "home-entry") == reference.render(Reference(object: entry), withTemplate: "home-entry"))
        let notFound = NotFoundPageView(page: Self.pageView(full: false).page)
        #expect(theme.render(notFound, template: "404") == reference.render(Reference(object: notFound), withTemplate: "404"))
    }

    @Test("a view model answers a name as its field, and nothing for other names")
    func fields() {
        let page = PageView(lang: "de", title: "T", description: "D", canonicalURL: "https://x/", root: "/", siteTitle: "S",
                            homeURL: "/", stylesheetURL: "/s.css", isDraft: false, t: ["a": "b"], headHTML: [], alternates: [])
        for field in TemplateField.allCases {
            let byName = page.value(forKey: field.rawValue).map(Reference.convert).map { String(describing: $0) }
            let byField = page.value(for: field).map(Reference.convert).map { String(describing: $0) }
            #expect(byName == byField, "\(field)")
        }
        #expect(page.value(forKey: "nichtda") == nil)
        #expect(page.value(for: .title).map(Reference.convert) as? String == "T")
    }
}
