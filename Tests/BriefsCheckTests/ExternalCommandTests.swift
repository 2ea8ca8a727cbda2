import ArgumentParser
import BriefsCLI
import Foundation
import Testing

/// `check --external` and `build --check-external` end to end, in-process, against the local server.
@Suite("External link check on the command line")
struct ExternalCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A one-brief site in a temporary folder whose lede links to `links`.
    struct Site {
        let root: URL
        var output: URL { root.appendingPathComponent("out") }
        var cache: URL { root.appendingPathComponent(".briefpress/linkcheck.json") }

        init(links: [String], exclude: [String] = []) throws {
            root = try CheckFixtures.temporaryFolder()
            let briefs = root.appendingPathComponent("content/briefs")
            try FileManager.default.createDirectory(at: briefs, withIntermediateDirectories: true)
            let excludeYAML = exclude.isEmpty ? "" : "linkcheck:\n  exclude:\n" + exclude.map { "    - '\($0)'\n" }.joined()
            let site = """
                title: Forschung Migration
                baseURL: https://forschung-migration.example.org/
                lang: de
                series: Handlungsimpulse
                license: CC-BY-4.0
                affiliations:
                  - id: tuc
                    name: Technische Universität Chemnitz
                    ror: https://ror.org/00a208s56
                imprint:
                  publisher: Technische Universität Chemnitz
                  place: Chemnitz
                  contact: https://mytuc.org/ysmj

                """ + excludeYAML
            let lede = links.enumerated().map { "Siehe [Quelle \($0.offset)](\($0.element))." }.joined(separator: "\n\n")
            let brief = """
                ---
                title: Wohnen
                date: 2025-06-14
                doi: 10.59350/wohnen.1
                authors:
                  - name: Erika Muster
                    affiliations: [tuc]
                recommendations:
                  - title: Erstens
                    text: Ein Absatz.
                ---
                \(lede)

                """
            try Data(site.utf8).write(to: root.appendingPathComponent("content/site.yaml"))
            try Data(brief.utf8).write(to: briefs.appendingPathComponent("wohnen.md"))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    func exitCode(_ arguments: [String]) async -> Int32 {
        setenv("BRIEFPRESS_THEMES", Self.repository.appendingPathComponent("themes").path, 1)
        do {
            var command = try BriefPressCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return BriefPressCommand.exitCode(for: error).rawValue
        }
    }

    static let fast = ["--link-interval", "0", "--link-timeout", "2", "--quiet"]

    @Test("check --external exits 1 on a broken link, 0 on a clean site, and answers the second run from the cache")
    func check() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let broken = try Site(links: [server.baseURL + "/ok", server.baseURL + "/missing"])
        defer { broken.remove() }
        #expect(await exitCode(["check", broken.root.path, "--external"] + Self.fast) == 1)
        #expect(FileManager.default.fileExists(atPath: broken.cache.path))
        #expect(server.stats.total == 2)
        #expect(await exitCode(["check", broken.root.path, "--external", "--format", "sarif"] + Self.fast) == 1)
        #expect(server.stats.total == 2)
        // Without --external nothing is asked and the content alone is clean.
        #expect(await exitCode(["check", broken.root.path, "--quiet"]) == 0)
        // --max-age 0 asks again.
        #expect(await exitCode(["check", broken.root.path, "--external", "--max-age", "0"] + Self.fast) == 1)
        #expect(server.stats.total == 4)

        let clean = try Site(links: [server.baseURL + "/ok", server.baseURL + "/moved"])
        defer { clean.remove() }
        #expect(await exitCode(["check", clean.root.path, "--external"] + Self.fast) == 0)
        #expect(await exitCode(["check", clean.root.path, "--external", "--strict"] + Self.fast) == 1)
    }

    @Test("build --check-external writes nothing when a link is broken, and builds when all work")
    func build() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let broken = try Site(links: [server.baseURL + "/gone"])
        defer { broken.remove() }
        let arguments = ["-o", broken.output.path, "--no-pdf", "--check-external"] + Self.fast
        #expect(await exitCode(["build", broken.root.path] + arguments) == 1)
        #expect(!FileManager.default.fileExists(atPath: broken.output.path))

        let clean = try Site(links: [server.baseURL + "/ok"])
        defer { clean.remove() }
        #expect(await exitCode(["build", clean.root.path, "-o", clean.output.path, "--no-pdf", "--check-external"] + Self.fast) == 0)
        #expect(FileManager.default.fileExists(atPath: clean.output.appendingPathComponent("briefs/wohnen/index.html").path))
    }

    @Test("Exclusions from site.yaml and --exclude are honoured")
    func exclusions() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let site = try Site(links: [server.baseURL + "/missing", server.baseURL + "/gone"], exclude: ["/missing$"])
        defer { site.remove() }
        #expect(await exitCode(["check", site.root.path, "--external", "--exclude", "/gone$"] + Self.fast) == 0)
        #expect(server.stats.total == 0)
    }

    @Test("Wrong link check options are usage errors (64)")
    func usage() async {
        #expect(await exitCode(["check", "--external", "--max-age", "soon"]) == 64)
        #expect(await exitCode(["check", "--external", "--exclude", "(["]) == 64)
        #expect(await exitCode(["check", "--format", "xml"]) == 64)
        #expect(await exitCode(["check", "--external", "--link-per-host", "0"]) == 64)
        #expect(await exitCode(["check", "--max-age", "1d"]) == 64)
        #expect(await exitCode(["build", "--exclude", "x", "--no-pdf"]) == 64)
    }
}
