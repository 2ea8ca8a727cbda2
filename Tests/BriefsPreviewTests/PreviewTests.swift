import BriefsBuild
import BriefsCore
@testable import BriefsPreview
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// A site in a temporary folder with the repository's example brief.
struct PreviewSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("briefpress-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
    }

    var brief: URL { root.appendingPathComponent("content/briefs/integrationschampions.md") }

    func edit(_ change: (String) -> String) throws {
        let text = try String(contentsOf: brief, encoding: .utf8)
        // Like an editor's atomic save: write a temporary file, then rename it over the brief.
        let temporary = brief.deletingLastPathComponent().appendingPathComponent(".integrationschampions.md.tmp")
        try Data(change(text).utf8).write(to: temporary)
        guard rename(temporary.path, brief.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func rebuilder(_ state: PreviewState) -> Rebuilder {
        Rebuilder(siteRoot: root, themeSearchPaths: [Self.repository.appendingPathComponent("themes")],
                  today: BriefDate(year: 2026, month: 11, day: 25), state: state, logger: Logger(label: "test"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite("Preview server")
struct PreviewRouterTests {
    func withApp(_ body: @escaping @Sendable (any TestClientProtocol, PreviewSite) async throws -> Void) async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        let state = PreviewState(outputFolder: site.root.appendingPathComponent(".briefpress/preview"))
        await site.rebuilder(state).rebuild()
        let app = Application(router: PreviewServer.router(state: state))
        try await app.test(.router) { client in try await body(client, site) }
    }

    @Test("pages are served with the live-reload script; folders without a slash redirect")
    func pages() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/briefs/integrationschampions/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Integrationschampions</h1>"))
                #expect(html.contains("<script src=\"/_briefpress/live.js\"></script>\n</body>"))
            }
            try await client.execute(uri: "/briefs/integrationschampions", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/briefs/integrationschampions/")
            }
            try await client.execute(uri: "/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("content types", arguments: [
        ("/assets/style.css", "text/css; charset=utf-8"), ("/assets/social.png", "image/png"),
        ("/assets/fonts/NotoSerif-Regular.woff2", "font/woff2"), ("/feed.xml", "application/atom+xml"),
        ("/feed.json", "application/feed+json"), ("/sitemap.xml", "application/xml"), ("/robots.txt", "text/plain; charset=utf-8"),
        ("/briefs/integrationschampions/integrationschampions.bib", "application/x-bibtex; charset=utf-8"),
        ("/_briefpress/live.js", "text/javascript; charset=utf-8"),
    ])
    func contentTypes(path: String, type: String) async throws {
        try await withApp { client, _ in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
            }
        }
    }

    @Test("unknown pages get the site's 404 page; only GET and HEAD are allowed")
    func notFound() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/briefs/gibt-es-nicht/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Seite nicht gefunden"))
            }
            for method in [HTTPRequest.Method.post, .put, .delete] {
                try await client.execute(uri: "/", method: method) { response in
                    #expect(response.status == .methodNotAllowed)
                }
            }
        }
    }

    @Test("nothing outside the preview folder is served", arguments: [
        "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/assets/%2E%2E/%2E%2E/content/site.yaml",
        "/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd", "/.briefpress-output", "/assets/..%5c..%5cetc%5cpasswd",
        "/%00", "/escape/site.yaml",
    ])
    func traversal(path: String) async throws {
        try await withApp { client, site in
            // A symbolic link inside the preview folder that points outside must not be followed.
            let link = site.root.appendingPathComponent(".briefpress/preview/escape")
            try? FileManager.default.createSymbolicLink(at: link, withDestinationURL: site.root.appendingPathComponent("content"))
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound || response.status == .badRequest)
                #expect(!String(buffer: response.body).contains("root:"))
                #expect(!String(buffer: response.body).contains("baseURL"))
            }
        }
    }

    @Test("while the build has errors every page shows them over the last good version")
    func overlay() async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        let state = PreviewState(outputFolder: site.root.appendingPathComponent(".briefpress/preview"))
        let rebuilder = site.rebuilder(state)
        await rebuilder.rebuild()
        try site.edit { $0.replacingOccurrences(of: "date: 2025-06", with: "date: 2025-13") }
        await rebuilder.rebuild()
        let app = Application(router: PreviewServer.router(state: state))
        try await app.test(.router) { client in
            try await client.execute(uri: "/briefs/integrationschampions/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("The preview is not up to date: 1 problem to fix"))
                let location = html.contains("content/briefs/integrationschampions.md:5:7: error:")
                #expect(location)
                #expect(html.contains("5 │ date: 2025-13"))
                #expect(html.contains("<h1>Integrationschampions</h1>"))  // the last good page is still there
            }
        }
        try site.edit { $0.replacingOccurrences(of: "date: 2025-13", with: "date: 2025-06") }
        await rebuilder.rebuild()
        try await app.test(.router) { client in
            try await client.execute(uri: "/briefs/integrationschampions/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("briefpress-overlay"))
            }
        }
    }

    @Test("drafts are shown with their banner")
    func drafts() async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        try Data("---\ntitle: Entwurf\ndraft: true\ndate: 2025\nauthors: [Erika Muster]\nrecommendations:\n  - title: R\n---\nText.\n".utf8)
            .write(to: site.root.appendingPathComponent("content/briefs/entwurf.md"))
        let state = PreviewState(outputFolder: site.root.appendingPathComponent(".briefpress/preview"))
        await site.rebuilder(state).rebuild()
        let app = Application(router: PreviewServer.router(state: state))
        try await app.test(.router) { client in
            try await client.execute(uri: "/briefs/entwurf/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("class=\"draft-banner\""))
            }
        }
    }
}

@Suite("Preview PDFs")
struct PreviewPDFTests {
    @Test("a PDF is made when its link is opened, not when the site is rebuilt")
    func onDemand() async throws {
        let python = PreviewSite.repository.appendingPathComponent(".venv/bin/python")
        #expect(FileManager.default.isExecutableFile(atPath: python.path), "run 'make test', which creates .venv with WeasyPrint")
        let site = try PreviewSite()
        defer { site.remove() }
        let settings = PDFSettings(python: python, cacheFolder: site.root.appendingPathComponent(".briefpress/pdf-cache"))
        let state = PreviewState(outputFolder: site.root.appendingPathComponent(".briefpress/preview"), pdf: settings)
        await site.rebuilder(state).rebuild()
        let path = "briefs/integrationschampions/integrationschampions.pdf"
        #expect(!FileManager.default.fileExists(atPath: state.outputFolder.appendingPathComponent(path).path))
        let app = Application(router: PreviewServer.router(state: state))
        try await app.test(.router) { client in
            try await client.execute(uri: "/briefs/integrationschampions/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"integrationschampions.pdf\""))
            }
            try await client.execute(uri: "/" + path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body).hasPrefix("%PDF-1.7"))
            }
        }
    }
}
