@testable import BriefsBuild
import BriefsCore
import Foundation
import Testing
import TestSupport

/// Internal links are checked at every build, at the position of the link in the `.md` file.
@Suite("Internal links")
struct InternalLinkTests {
    static let linking = """
        Zu [B](b.md), [B oben](b.md#erstens), [B als Seite](../b/#recommendation-1), [hier](#erstens), [Impulse](../b/#handlungsimpulse), [Zitieren](#zitieren),
        [Start](../../), [Feed](../../feed.xml), [Studie](studie.pdf), [BibTeX](a.bib), [Unterordner](daten/tabelle.csv),
        [B zitieren](../b/b.ris), [B als JSON](../../briefs/b/b.json).
        """

    func site(body: String) throws -> TestSite {
        let site = try TestSite(files: [
            "content/briefs/a.md": TestSite.brief(title: "A", doi: "10.59350/a.1", body: body),
            "content/briefs/b.md": TestSite.brief(title: "B", doi: "10.59350/b.1"),
            "content/briefs/entwurf.md": TestSite.brief(title: "Entwurf", doi: "10.59350/e.1", extra: "draft: true"),
        ])
        try site.write("content/briefs/studie.pdf", Data("%PDF-1.7".utf8))
        try site.write("content/briefs/daten/tabelle.csv", Data("a,b\n".utf8))
        return site
    }

    @Test("links to briefs, their parts, site pages and files next to the brief resolve; files are published")
    func valid() async throws {
        let site = try site(body: Self.linking)
        defer { site.remove() }
        let report = try await site.run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.message))")
        #expect(site.read("briefs/a/studie.pdf") == "%PDF-1.7")
        #expect(site.read("briefs/a/daten/tabelle.csv") == "a,b\n")
        #expect(site.read("briefs/a/index.html")?.contains("href=\"../b/#erstens\"") == true)
    }

    @Test("broken links, fragments and draft targets are errors at the link, with suggestions", arguments: [
        ("[x](../c/)", "link.broken", nil as String?),
        ("[x](c.md)", "link.broken", nil),
        ("[x](../../nirgends.html)", "link.broken", nil),
        ("[x](fehlt.pdf)", "link.broken", nil),
        ("[x](../b/fehlt.csv)", "link.broken", nil),
        ("[x](../b/b.bibtex)", "link.broken", nil),
        ("[x](../../../ausserhalb/)", "link.broken", nil),
        ("[x](b.md#erstns)", "link.missing-fragment", "did you mean '#erstens'?"),
        ("[x](#ersten)", "link.missing-fragment", "did you mean '#erstens'?"),
        ("[x](#literatur)", "link.missing-fragment", nil),
        ("[x](../entwurf/)", "link.draft-target", nil),
        ("[x](entwurf.md#erstens)", "link.draft-target", nil),
    ])
    func broken(link: String, id: String, label: String?) async throws {
        let site = try site(body: "Siehe " + link + ".")
        defer { site.remove() }
        let report = try await site.run(write: false)
        let found = report.diagnostics.filter { $0.id.rawValue == id }
        #expect(found.count == 1, "\(report.diagnostics.map { "\($0.id) \($0.message)" })")
        #expect(found.first?.location == SourceLocation(path: "content/briefs/a.md", line: 13, column: 7))
        if let label { #expect(found.first?.label == label) }
    }

    @Test("with --drafts a draft may link to a draft, but a published brief still may not")
    func drafts() async throws {
        let site = try site(body: "[x](entwurf.md)")
        defer { site.remove() }
        try site.write("content/briefs/entwurf.md", Data(TestSite.brief(
            title: "Entwurf", doi: "10.59350/e.1", extra: "draft: true", body: "[A](a.md) [B](b.md#erstens)").utf8))
        let report = try await site.run(write: false, drafts: true)
        #expect(report.diagnostics.map(\.id.rawValue) == ["link.draft-target"])
        #expect(report.diagnostics.first?.location?.path == "content/briefs/a.md")
    }

    @Test("a broken link inside a recommendation's | block points at its line in the file")
    func position() async throws {
        let site = try TestSite(files: ["content/briefs/a.md": TestSite.brief(
            extra: "background:\n  - title: Mehr\n    text: |\n      Erste Zeile.\n      Zweite mit [Link](../weg/) darin.")])
        defer { site.remove() }
        let report = try await site.run(write: false)
        #expect(report.diagnostics.first { $0.id == "link.broken" }?.location
                == SourceLocation(path: "content/briefs/a.md", line: 15, column: 18))
    }

    @Test("link destinations are told apart: fragments, web addresses, site paths, schemes and files", arguments: [
        ("", FragmentRenderer.Destination.fragment), ("#erstens", .fragment), ("HTTPS://example.org", .remote),
        ("http://example.org/a", .remote), ("//cdn.example.org/x.js", .remote), ("/absolut", .absolute),
        ("javascript:alert(1)", .unsafe), ("Mailto:a@b.de", .unsafe), ("ordner/a:b.pdf", .local("ordner/a:b.pdf")),
        ("bild%20eins.png?x=1#y", .local("bild eins.png")), ("studie.pdf#seite=2", .local("studie.pdf")),
        ("  daten.csv ", .local("daten.csv")), ("Ärger.pdf", .local("Ärger.pdf")), ("./b.md", .local("./b.md")),
    ])
    func classify(destination: String, expected: FragmentRenderer.Destination) {
        #expect(FragmentRenderer.classify(destination) == expected)
    }
}

/// `InternalLinkChecker.resolve` works on bytes; these are the answers of the plain reading it
/// replaced (split into parts, climb with `..`, join), for generated links.
@Suite("Internal link resolution")
struct InternalLinkResolutionTests {
    static func reference(_ path: String, from slug: String) -> String? {
        var link = path.removingPercentEncoding ?? path
        if link.hasPrefix("./") { link.removeFirst(2) }
        if link.count >= 3, link.hasSuffix(".md"), !link.contains("/") { link = "../" + link.dropLast(3) + "/" }
        var components = link.hasPrefix("/") ? [] : ["briefs", slug]
        let parts = link.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            if part == "." { continue }
            if part == ".." {
                guard !components.isEmpty else { return nil }
                components.removeLast()
                continue
            }
            components.append(String(part))
        }
        let joined = components.joined(separator: "/")
        if link.hasSuffix("/") || parts.isEmpty || components.isEmpty { return (joined.isEmpty ? "" : joined + "/") + "index.html" }
        return joined
    }

    @Test("resolves like the plain reading, for hand-picked and generated links")
    func matchesReference() {
        var links = ["", "/", "//", ".", "./", "..", "../", "../..", "../../", "../../../x", "b.md", "./b.md", ".md", "a/b.md",
                     "../b/", "../b", "../b/#x", "studie.pdf", "daten/tabelle.csv", "/feed.xml", "../../feed.xml",
                     "./../b/", "x/../../y", "%2E%2E/b/", "a%20b.pdf", "../ü/", "....md", "x//y", "../../index.html"]
        var generator = SplitMix64(state: 4)
        let parts = ["..", ".", "", "b", "b.md", "x.pdf", "ü", "%20", "index.html"]
        for _ in 0..<2000 {
            let link = (0..<generator.next(5)).map { _ in generator.pick(parts) }.joined(separator: "/")
            links.append(link)
            links.append("/" + link)
            links.append(link + "/")
        }
        for link in links {
            #expect(InternalLinkChecker.resolve(link, from: "a") == Self.reference(link, from: "a"), "\(link)")
        }
        #expect(InternalLinkChecker.resolve("b.md", from: "a") == "briefs/b/index.html")
        #expect(InternalLinkChecker.resolve("../../../x", from: "a") == nil)
    }

    @Test("tells links that leave the site from links within it")
    func external() {
        for link in ["https://example.org", "  http://x", "//cdn.example.org/x.js", "mailto:a@b.de", "tel:+49", "a+b.c-d:x"] {
            #expect(InternalLinkChecker.isExternal(link), "\(link)")
        }
        for link in ["", " ", "/x", "../b/", "b.md", "#top", "1http://x", "a b:c", "ü:x", "/", "x/y:z"] {
            #expect(!InternalLinkChecker.isExternal(link), "\(link)")
        }
    }

    @Test("a page's ids in one string: found whole, never by a part of another id or across two")
    func pageIDs() {
        let ids = PageIDs(["handlungsimpulse", "fn-1", "fn-10", "impuls-2", "b"])
        for id in ["handlungsimpulse", "fn-1", "fn-10", "impuls-2", "b"] { #expect(ids.contains(id), "\(id)") }
        for id in ["fn", "n-1", "handlungs", "impuls", "", "fn-1\nfn-10", "c"] { #expect(!ids.contains(id), "\(id)") }
        #expect(ids.all == ["b", "fn-1", "fn-10", "handlungsimpulse", "impuls-2"])
        #expect(PageIDs(joined: ids.joined) == ids)
        #expect(!PageIDs([]).contains("a") && PageIDs([]).all.isEmpty)
        // Many ids, some not ASCII: each found by the binary search, and nothing else.
        let many = (0..<300).map { "id-\($0 * 7 % 1000)" } + ["über", "zürich", "ärger", "a"]
        let index = PageIDs(many)
        for id in many { #expect(index.contains(id), "\(id)") }
        for id in ["id-", "id-1000", "ü", "zz", "0", "id-3x"] { #expect(!index.contains(id), "\(id)") }
    }

    @Test("a rebuild takes a reused page's link problems from the cache only while nothing its links look at changed")
    func checkedAgainWhenTargetsChange() async throws {
        let site = try TestSite(files: [
            "content/briefs/a.md": TestSite.brief(title: "A", doi: "10.59350/a.1", body: "Siehe [B, Erstens](../b/#erstens)."),
            "content/briefs/b.md": TestSite.brief(title: "B", doi: "10.59350/b.1"),
        ])
        defer { site.remove() }
        func build() async throws -> [String] {
            var options = BuildOptions(siteRoot: site.root, output: site.output, today: TestSite.today,
                                       themeSearchPaths: [TestSite.themes])
            options.cacheFile = site.root.appendingPathComponent(".briefpress/build-cache")
            return try await Builder(options: options).run().diagnostics.map(\.id.rawValue)
        }
        #expect(try await build() == [])
        // Only b changes; a is reused, and its link to b's first recommendation no longer leads anywhere.
        let renamed = TestSite.brief(title: "B", doi: "10.59350/b.1").replacingOccurrences(of: "title: Erstens", with: "title: Zuerst")
        try site.write("content/briefs/b.md", Data(renamed.utf8))
        #expect(try await build() == ["link.missing-fragment"])
        #expect(try await build() == ["link.missing-fragment"])
        try site.write("content/briefs/b.md", Data(TestSite.brief(title: "B", doi: "10.59350/b.1").utf8))
        #expect(try await build() == [])
        try site.write("content/briefs/b.md", Data(TestSite.brief(title: "B", doi: "10.59350/b.1", extra: "draft: true").utf8))
        #expect(try await build() == ["link.draft-target"])
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/briefs/b.md"))
        #expect(try await build() == ["link.broken"])
    }

    @Test("the problems a page's memo lists are taken as they are when its targets match, and found again when not")
    func memo() {
        let link = BriefLink(kind: .link, destination: "../fehlt/", location: SourceLocation(path: "a.md", line: 3, column: 1))
        let remembered = Diagnostic(ContentProblem.brokenLink("../anders/", suggestion: nil),
                                    at: SourceLocation(path: "a.md", line: 9, column: 9))
        var page = InternalLinkChecker.Page(slug: "a", isDraft: false, ids: PageIDs([]), links: [link])
        page.files = [OutputFileRecord(path: "briefs/a/index.html", fingerprint: "1")]
        var checker = InternalLinkChecker(pages: [page], drafts: ["a": false], sitePaths: ["index.html"])
        let targets = checker.targets()
        page.checked = LinkCheckMemo(targets: targets, problems: [remembered])
        checker.pages = [page]
        #expect(checker.targets() == targets)
        #expect(checker.checkPages(targets: targets).map(\.problems) == [[remembered]])
        // Another page in the site: everything is checked again.
        checker.drafts["b"] = false
        let other = checker.targets()
        #expect(other != targets)
        let found = checker.checkPages(targets: other)
        #expect(found.map(\.targets) == [other])
        #expect(found.first?.problems.map(\.id.rawValue) == ["link.broken"])
        #expect(found.first?.problems.first?.location?.line == 3)
        // What else changes the fingerprint: ids, drafts, output paths.
        var withIDs = checker
        withIDs.pages[0].ids = PageIDs(["neu"])
        var withDraft = checker
        withDraft.drafts["b"] = true
        var withPath = checker
        withPath.pages[0].files.append(OutputFileRecord(path: "briefs/a/a.bib", fingerprint: "2"))
        var withSitePath = checker
        withSitePath.sitePaths.insert("feed.xml")
        var withPDFs = checker
        withPDFs.hasPDFs = true
        let fingerprints = [other, withIDs.targets(), withDraft.targets(), withPath.targets(), withSitePath.targets(), withPDFs.targets()]
        #expect(Set(fingerprints).count == fingerprints.count)
    }
}
