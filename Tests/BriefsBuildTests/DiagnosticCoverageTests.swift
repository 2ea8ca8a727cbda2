import BriefsBuild
import BriefsCore
import Foundation
import Testing

/// One case per diagnostic id: a small site that triggers it, and where it must point.
struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var id: DiagnosticID
    var files: [String: String]
    /// `path:line:column` the diagnostic must have, or `nil` for run-wide problems.
    var location: String?
    /// Raw file contents, made only when the case runs (a 50 MB argument would be slow to describe).
    var bytes: [String: @Sendable () -> [UInt8]] = [:]
    var symlinks: [String: String] = [:]
    var withSiteYAML = true

    var testDescription: String { id.rawValue }

    static let b = "content/briefs/b.md"
    static func brief(_ extra: String = "", body: String = "Die Einleitung.", title: String = "Wohnen") -> [String: String] {
        [b: TestSite.brief(title: title, extra: extra, body: body)]
    }

    static let all: [DiagnosticCase] = [
        DiagnosticCase(id: "file.empty", files: [b: ""], location: "\(b):1:1"),
        DiagnosticCase(id: "file.not-utf8", files: [:], location: "\(b):2:10",
                       bytes: [b: { Array("---\ntitle: Gr".utf8) + [0xFC] + Array("n\n---\n".utf8) }]),
        DiagnosticCase(id: "file.binary", files: [:], location: "\(b):1:4", bytes: [b: { [0x7F, 0x45, 0x4C, 0x00, 0x02, 0xFF] }]),
        DiagnosticCase(id: "file.too-large", files: [:], location: "\(b):1:1",
                       bytes: [b: { [UInt8](repeating: 0x61, count: 50 * 1_048_576) }]),
        DiagnosticCase(id: "file.unreadable", files: [:], location: "\(b):1:1", symlinks: [b: "/nonexistent/briefpress"]),
        DiagnosticCase(id: "brief.invalid-slug", files: ["content/briefs/Wohnen im Alter.md": TestSite.brief()],
                       location: "content/briefs/Wohnen im Alter.md:1:1"),
        DiagnosticCase(id: "brief.duplicate-slug",
                       files: ["content/briefs/2024/wohnen.md": TestSite.brief(doi: "10.59350/a.1"),
                               "content/briefs/2025/wohnen.md": TestSite.brief(doi: "10.59350/a.2")],
                       location: "content/briefs/2025/wohnen.md:1:1"),
        DiagnosticCase(id: "brief.unknown-translation", files: brief("translation: wohnem"), location: "\(b):11:14"),
        DiagnosticCase(id: "brief.translation-self", files: brief("translation: b"), location: "\(b):11:14"),
        DiagnosticCase(id: "brief.duplicate-doi",
                       files: ["content/briefs/a.md": TestSite.brief(doi: "10.59350/same.1"),
                               "content/briefs/c.md": TestSite.brief(doi: "https://doi.org/10.59350/SAME.1")],
                       location: "content/briefs/c.md:4:6"),
        DiagnosticCase(id: "site.no-briefs", files: [:], location: nil),
        DiagnosticCase(id: "site.missing-config", files: brief(), location: nil, withSiteYAML: false),
        DiagnosticCase(id: "site.invalid-base-url",
                       files: brief().merging(["content/site.yaml": TestSite.siteYAML.replacingOccurrences(
                           of: "https://forschung-migration.example.org/", with: "forschung-migration.example.org")]) { $1 },
                       location: "content/site.yaml:2:10"),
        DiagnosticCase(id: "front-matter.missing-start", files: [b: "title: Wohnen\n"], location: "\(b):1:1"),
        DiagnosticCase(id: "front-matter.missing-end", files: [b: "---\ntitle: Wohnen\n"], location: "\(b):1:1"),
        DiagnosticCase(id: "front-matter.invalid-yaml", files: [b: "---\ntitle: Wohnen: im Alter\n---\n"], location: "\(b):2:14"),
        DiagnosticCase(id: "front-matter.not-a-mapping", files: [b: "---\n- a\n- b\n---\n"], location: "\(b):2:1"),
        DiagnosticCase(id: "front-matter.too-complex", files: [b: aliasBomb], location: "\(b):2:1"),
        DiagnosticCase(id: "front-matter.duplicate-key", files: [b: "---\ntitle: A\ntitle: B\n---\n"], location: "\(b):3:1"),
        DiagnosticCase(id: "front-matter.missing-field",
                       files: brief("", title: "X").mapValues { $0.replacingOccurrences(of: "title: X\n", with: "") },
                       location: "\(b):2:1"),
        DiagnosticCase(id: "front-matter.missing-for-release",
                       files: brief().mapValues { $0.replacingOccurrences(of: "doi: 10.59350/wohnen.1\n", with: "") },
                       location: "\(b):2:1"),
        DiagnosticCase(id: "front-matter.wrong-type", files: brief("number: sieben"), location: "\(b):11:9"),
        DiagnosticCase(id: "front-matter.unknown-key", files: brief("subtitel: Zweiter Titel"), location: "\(b):11:1"),
        DiagnosticCase(id: "front-matter.invalid-date", files: brief("updated: 2025-02-30"), location: "\(b):11:10"),
        DiagnosticCase(id: "front-matter.invalid-value",
                       files: brief().merging(["content/site.yaml": TestSite.siteYAML + "doiPrefix: 10.5\n"]) { $1 },
                       location: "content/site.yaml:14:12"),
        DiagnosticCase(id: "front-matter.invalid-language", files: brief("lang: deutsch"), location: "\(b):11:7"),
        DiagnosticCase(id: "front-matter.invalid-doi",
                       files: brief().mapValues { $0.replacingOccurrences(of: "10.59350/wohnen.1", with: "10.59350/wohnen 1") },
                       location: "\(b):4:6"),
        DiagnosticCase(id: "front-matter.doi-prefix",
                       files: brief().merging(["content/site.yaml": TestSite.siteYAML + "doiPrefix: 10.99999\n"]) { $1 },
                       location: "\(b):4:6"),
        DiagnosticCase(id: "front-matter.doi-checksum",
                       files: brief().mapValues { $0.replacingOccurrences(of: "10.59350/wohnen.1", with: "10.59350/v2gec-5xt37") },
                       location: "\(b):4:6"),
        DiagnosticCase(id: "front-matter.orcid-unissued",
                       files: brief().mapValues { $0.replacingOccurrences(of: "  - name: Erika Muster\n", with: "  - name: Erika Muster\n    orcid: 0000-0000-0000-0001\n") },
                       location: "\(b):7:12"),
        DiagnosticCase(id: "front-matter.license-not-cc-by", files: brief("license: CC-BY-NC-4.0"), location: "\(b):11:10"),
        DiagnosticCase(id: "front-matter.invalid-orcid",
                       files: brief().mapValues { $0.replacingOccurrences(of: "  - name: Erika Muster\n", with: "  - name: Erika Muster\n    orcid: 0000-0002-1825-0098\n") },
                       location: "\(b):7:12"),
        DiagnosticCase(id: "front-matter.invalid-ror",
                       files: brief("affiliations:\n  - id: x\n    name: X\n    ror: https://ror.org/01k4yrm30"),
                       location: "\(b):14:10"),
        DiagnosticCase(id: "front-matter.unknown-license", files: brief("license: CC-BY4.0"), location: "\(b):11:10"),
        DiagnosticCase(id: "front-matter.undefined-affiliation",
                       files: brief().mapValues { $0.replacingOccurrences(of: "[tuc]", with: "[tu]") }, location: "\(b):7:20"),
        DiagnosticCase(id: "front-matter.duplicate-affiliation",
                       files: brief("affiliations:\n  - id: x\n    name: X\n  - id: x\n    name: Y"), location: "\(b):14:9"),
        DiagnosticCase(id: "front-matter.updated-before-date", files: brief("updated: 2025-01-01"), location: "\(b):11:10"),
        DiagnosticCase(id: "front-matter.date-in-future",
                       files: brief().mapValues { $0.replacingOccurrences(of: "2025-06-14", with: "2027-01-01") },
                       location: "\(b):3:7"),
        DiagnosticCase(id: "front-matter.missing-alt", files: brief("image:\n  src: cover.jpg"), location: "\(b):12:8"),
        DiagnosticCase(id: "front-matter.empty-value", files: brief("subtitle: ''\nkeywords: [x]\nseries: Reihe\ntitle2: x")
            .mapValues { $0.replacingOccurrences(of: "title: Wohnen", with: "title: \"\"") }, location: "\(b):2:8"),
        DiagnosticCase(id: "markdown.raw-html", files: brief(body: "Text <script>alert(1)</script>"), location: "\(b):13:6"),
        DiagnosticCase(id: "markdown.unsafe-url", files: brief(body: "[Klick](javascript:alert(1))"), location: "\(b):13:1"),
        DiagnosticCase(id: "asset.missing", files: brief(body: "![Ein Bild](bilder/fehlt.png)"), location: "\(b):13:1"),
        DiagnosticCase(id: "asset.outside", files: brief(body: "![Geheim](../../geheim.png)"), location: "\(b):13:1"),
        DiagnosticCase(id: "asset.not-a-file", files: brief(body: "![Ordner](bilder)").merging(["content/briefs/bilder/a.png": "x"]) { $1 },
                       location: "\(b):13:1"),
        DiagnosticCase(id: "asset.remote", files: brief("image:\n  src: https://example.org/a.png\n  alt: Ein Bild"),
                       location: "\(b):12:8"),
        DiagnosticCase(id: "brief.translation-draft",
                       files: brief("translation: entwurf").merging([
                           "content/briefs/entwurf.md": TestSite.brief(title: "Entwurf", doi: "10.59350/e.1", extra: "draft: true")]) { $1 },
                       location: "\(b):11:14"),
        DiagnosticCase(id: "markdown.missing-alt", files: brief(body: "![](bild.png)").merging(["content/briefs/bild.png": "x"]) { $1 },
                       location: "\(b):13:1"),
        DiagnosticCase(id: "link.broken", files: brief(body: "Siehe [Wohnen](../wohnem/)."), location: "\(b):13:7"),
        DiagnosticCase(id: "link.missing-fragment", files: brief(body: "Siehe [oben](#erstns)."), location: "\(b):13:7"),
        DiagnosticCase(id: "link.draft-target",
                       files: brief(body: "Siehe [Entwurf](entwurf.md).").merging([
                           "content/briefs/entwurf.md": TestSite.brief(title: "Entwurf", doi: "10.59350/e.1", extra: "draft: true")]) { $1 },
                       location: "\(b):13:7"),
        DiagnosticCase(id: "theme.not-found",
                       files: brief().merging(["content/site.yaml": TestSite.siteYAML + "theme: fancy\n"]) { $1 },
                       location: "content/site.yaml:14:8"),
        DiagnosticCase(id: "theme.missing-template",
                       files: brief().merging(["content/site.yaml": TestSite.siteYAML + "theme: mine\n",
                                               "themes/mine/templates/brief.mustache": "x", "themes/mine/templates/home.mustache": "x"]) { $1 },
                       location: "themes/mine:1:1"),
        DiagnosticCase(id: "theme.template-error", files: brief().merging(["themes/default/templates/brief.mustache": "<h1>\n{{#title}}\n"]) { $1 },
                       location: "themes/default/templates/brief.mustache:3:1"),
        DiagnosticCase(id: "theme.unknown-variable", files: brief().merging(["themes/default/templates/brief.mustache": "<h1>{{titel}}</h1>\n"]) { $1 },
                       location: "themes/default/templates/brief.mustache:1:5"),
        DiagnosticCase(id: "theme.missing-string", files: brief().merging(["themes/default/strings/fr.yaml": "home: Accueil\n"]) { $1 },
                       location: "themes/default/strings/fr.yaml:1:1"),
        DiagnosticCase(id: "theme.invalid-strings", files: brief().merging(["themes/default/strings/de.yaml": "- a\n"]) { $1 },
                       location: "themes/default/strings/de.yaml:1:1"),
    ]

    static let aliasBomb: String = {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let name = level == 1 ? "a" : "l\(level - 1)"
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*\(name)", count: 10).joined(separator: ", ") + "]\n"
        }
        return yaml + "---\n"
    }()
}

@Suite("Every diagnostic id")
struct DiagnosticCoverageTests {
    @Test("is triggered by a site and points where it should", arguments: DiagnosticCase.all)
    func triggers(_ testCase: DiagnosticCase) async throws {
        let site = try TestSite(files: testCase.files, withSiteYAML: testCase.withSiteYAML)
        defer { site.remove() }
        for (path, bytes) in testCase.bytes { try site.write(path, Data(bytes())) }
        for (path, target) in testCase.symlinks {
            try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
        }
        let report = try await site.run(write: false)
        let matching = report.diagnostics.filter { $0.id == testCase.id }
        let found = try #require(matching.first, "no \(testCase.id); got: \(report.diagnostics.map { "\($0.id) \($0.message)" })")
        #expect(found.location?.description == testCase.location, "\(found.message)")
        #expect(!found.message.isEmpty)
    }

    @Test("every id in the catalogue has a case here, and no case names an unknown id")
    func catalogueIsCovered() {
        #expect(Set(DiagnosticCase.all.map(\.id)) == Set(DiagnosticCatalog.allIDs))
        #expect(DiagnosticCase.all.count == DiagnosticCatalog.allIDs.count)
    }
}
