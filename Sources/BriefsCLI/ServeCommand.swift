import ArgumentParser
import BriefsBuild
import BriefsCore
import BriefsPreview
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in your browser while you edit.",
        discussion: """
            Builds the site with drafts (marked with a banner) and serves it at http://127.0.0.1:4000/. \
            When you save a brief, a theme file or site.yaml, the site is rebuilt and open pages \
            reload by themselves. If a brief has a problem, the page shows it (file, line, column) \
            until you fix it. Stop with Ctrl-C.
            """
    )

    @Argument(help: ArgumentHelp("The site folder, containing content/site.yaml and content/briefs/.", valueName: "site"))
    var site: String = "."

    @Option(help: "The port to listen on.")
    var port: Int = 4000

    @Option(help: "The address to listen on. Anything but 127.0.0.1/localhost makes the preview reachable from other computers.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the preview in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: site, isDirectory: true,
                       relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            FileHandle.standardError.write(Data("briefpress: error: \(root.path) is not a briefpress site: it has no content/ folder\n".utf8))
            throw ExitCode(2)
        }
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            FileHandle.standardError.write(Data("briefpress: warning: listening on \(host): other computers on the network can see the preview, drafts included\n".utf8))
        }
        var logger = Logger(label: "briefpress") { _ in PlainLogHandler() }
        logger.logLevel = .error
        let colored = Runner.useColor()
        let openBrowser = open
        let session = PreviewSession(
            siteRoot: root, host: host, port: port, themeSearchPaths: ThemeLocator.builtInThemeFolders(),
            today: Runner.today(), logger: logger,
            report: { diagnostics, sources in
                let printer = DiagnosticPrinter(format: .text, colored: colored, source: { sources[$0] })
                let errors = diagnostics.errorCount
                let summary = errors == 0 ? "briefpress: rebuilt, \(diagnostics.warningCount) warnings"
                    : "briefpress: \(errors) \(errors == 1 ? "error" : "errors"); the browser shows them until they are fixed"
                FileHandle.standardError.write(Data(printer.render(diagnostics, summary: summary).utf8))
            },
            onListening: { url in
                FileHandle.standardError.write(Data("briefpress: preview at \(url) (drafts shown; Ctrl-C stops)\n".utf8))
                if openBrowser { Self.openInBrowser(url) }
            })
        var configured = session
        configured.pdf = PDFSettings(python: ThemeLocator.python(),
                                     cacheFolder: root.appendingPathComponent(".briefpress/pdf-cache", isDirectory: true))
        do {
            try await configured.run()
        } catch {
            FileHandle.standardError.write(Data("briefpress: error: the preview stopped: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
