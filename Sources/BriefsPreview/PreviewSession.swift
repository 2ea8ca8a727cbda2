import BriefsBuild
import BriefsCore
import Foundation
import Hummingbird
import Logging

/// `briefpress serve`: build once, serve, and rebuild on every saved change, telling open pages
/// to reload only after the rebuild finished. Ends cleanly on Ctrl-C (Hummingbird's graceful
/// shutdown on SIGINT/SIGTERM), stopping the watcher with it.
public struct PreviewSession: Sendable {
    public var siteRoot: URL
    public var host: String
    public var port: Int
    public var themeSearchPaths: [URL]
    public var today: BriefDate
    public var logger: Logger
    /// Prints the diagnostics of each rebuild in the terminal (the browser shows them too).
    public var report: @Sendable ([Diagnostic], [String: String]) -> Void
    /// Called with the address once the server listens.
    public var onListening: @Sendable (String) async -> Void
    /// How PDFs are made when opened; `nil` links none.
    public var pdf: PDFSettings?

    public init(siteRoot: URL, host: String, port: Int, themeSearchPaths: [URL], today: BriefDate, logger: Logger,
                report: @escaping @Sendable ([Diagnostic], [String: String]) -> Void,
                onListening: @escaping @Sendable (String) async -> Void) {
        self.siteRoot = siteRoot
        self.host = host
        self.port = port
        self.themeSearchPaths = themeSearchPaths
        self.today = today
        self.logger = logger
        self.report = report
        self.onListening = onListening
    }

    /// The preview's own output folder, next to the cache; never the release `output/`.
    public var outputFolder: URL { siteRoot.appendingPathComponent(".briefpress/preview", isDirectory: true) }

    public func run() async throws {
        try FileManager.default.createDirectory(at: outputFolder.deletingLastPathComponent(), withIntermediateDirectories: true)
        let state = PreviewState(outputFolder: outputFolder, pdf: pdf)
        let rebuilder = Rebuilder(siteRoot: siteRoot, themeSearchPaths: themeSearchPaths, today: today, state: state,
                                  logger: logger)
        report(await rebuilder.rebuild(), await state.sources)
        let watcher = FileWatcher(folders: [siteRoot.appendingPathComponent("content"), siteRoot.appendingPathComponent("themes")])
        let hostName = host
        let listening = onListening
        let app = PreviewServer.application(state: state, host: host, port: port, logger: logger) { actualPort in
            await listening("http://\(hostName):\(actualPort)/")
        }
        let report = self.report
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                await watcher.run {
                    let diagnostics = await rebuilder.rebuild()
                    report(diagnostics, await state.sources)
                }
            }
            // The server ends on Ctrl-C; the watcher then has nothing left to do.
            try await group.next()
            group.cancelAll()
        }
    }
}
