import BriefsBuild
import BriefsCore
import Foundation

/// What the preview currently shows: the folder of the last good build, the problems of the
/// latest build (shown over every page until they are fixed), and the open pages waiting for
/// "reload". An actor: the watcher, the rebuilder and every request share it.
public actor PreviewState {
    /// The folder the last successful build was written to.
    public nonisolated let outputFolder: URL
    /// Problems of the latest build, already formatted for the browser overlay (empty: none).
    public private(set) var problems: [Diagnostic] = []
    public private(set) var sources: [String: String] = [:]
    /// Counts builds, so tests and pages can tell one result from the next.
    public private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    /// How PDFs are made when one is opened; `nil`: the preview links no PDFs.
    nonisolated let pdf: PDFSettings?
    private var printJobs: [String: PrintJob] = [:]
    private var themeDigest = ""

    public init(outputFolder: URL, pdf: PDFSettings? = nil) {
        self.outputFolder = outputFolder
        self.pdf = pdf
    }

    /// Records a finished build and tells every open page to reload.
    func finished(problems: [Diagnostic], sources: [String: String], printJobs: [PrintJob] = [], themeDigest: String = "") {
        self.problems = problems.filter { $0.severity == .error }
        self.sources = sources
        self.printJobs = Dictionary(printJobs.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        self.themeDigest = themeDigest
        generation += 1
        for listener in listeners.values { listener.yield("reload") }
    }

    /// A stream of events for one open page; it ends when the page goes away.
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        continuation.yield("hello \(generation)")
        return stream
    }

    private func unsubscribe(_ id: UUID) { listeners[id] = nil }

    /// Ends every event stream (the server is shutting down).
    func closeAllStreams() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    var listenerCount: Int { listeners.count }

    /// Makes the PDF at `path` (`briefs/x/x.pdf`) when it is first opened, not on every save.
    /// An actor method, so two requests for one PDF render it once.
    func makePDF(at path: String) async throws -> Bool {
        guard let pdf, let job = printJobs[path] else { return false }
        if FileManager.default.fileExists(atPath: outputFolder.appendingPathComponent(path).path) { return true }
        _ = try await PDFStage(settings: pdf, themeDigest: themeDigest).run([job], staging: outputFolder)
        return true
    }
}
