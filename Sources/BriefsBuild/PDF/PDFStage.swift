import BriefsCore
import Foundation

/// Makes `briefs/<slug>/<slug>.pdf` for every print job inside the staging folder, taking each
/// PDF from the cache when nothing that goes into it changed, and rendering the rest with a
/// small pool of long-lived WeasyPrint workers (started only when something needs rendering).
public struct PDFStage: Sendable {
    /// Bump when the way PDFs are made changes, so old cache entries are not reused.
    static let cacheVersion = "briefpress-pdf-3 weasyprint pdf/ua-1 table-scopes dc-language"

    var settings: PDFSettings
    /// Digest of every theme asset (print CSS, fonts), computed once per build.
    var themeDigest: String
    var progress: (@Sendable (_ done: Int, _ total: Int, _ slug: String) -> Void)?

    public init(settings: PDFSettings, themeDigest: String,
                progress: (@Sendable (_ done: Int, _ total: Int, _ slug: String) -> Void)? = nil) {
        self.settings = settings
        self.themeDigest = themeDigest
        self.progress = progress
    }

    /// Makes (or takes from the cache) the PDFs of `jobs` inside `staging`, the folder that is
    /// or becomes the output (the preview's PDFs, made when opened).
    /// `keys`: cache keys already computed, by output path (any missing one is computed here).
    public func run(_ jobs: [PrintJob], keys: [String: String] = [:], staging: URL) async throws -> PDFStatistics {
        var statistics = PDFStatistics()
        var pending: [(job: PrintJob, key: String)] = []
        for job in jobs {
            // Already there (unchanged since the PDF was made): nothing to do.
            if FileManager.default.fileExists(atPath: staging.appendingPathComponent(job.outputPath).path) {
                statistics.reused += 1
            } else {
                pending.append((job, keys[job.outputPath] ?? cacheKey(for: job)))
            }
        }
        let made = try await run(pending, base: { staging.appendingPathComponent("briefs/\($0.slug)", isDirectory: true) }) { job, pdf in
            try Self.copy(pdf, to: staging.appendingPathComponent(job.outputPath))
        }
        statistics.rendered = made.rendered
        statistics.cached = made.cached
        statistics.seconds = made.seconds
        return statistics
    }

    /// Makes the PDF of every job: takes it from the cache when nothing that goes into it
    /// changed, renders the rest with the worker pool, and hands each one (a file in the cache)
    /// to `deliver`. `base(job)` is the folder the print HTML's relative addresses start from.
    func run(_ jobs: [(job: PrintJob, key: String)], base: @escaping @Sendable (PrintJob) -> URL,
             deliver: @escaping @Sendable (PrintJob, URL) throws -> Void) async throws -> PDFStatistics {
        try FileManager.default.createDirectory(at: settings.cacheFolder, withIntermediateDirectories: true)
        var statistics = PDFStatistics()
        var misses: [(job: PrintJob, cached: URL)] = []
        for (job, key) in jobs.sorted(by: { $0.job.slug < $1.job.slug }) {
            let cached = settings.cacheFolder.appendingPathComponent(key + ".pdf")
            if FileManager.default.fileExists(atPath: cached.path) {
                try deliver(job, cached)
                statistics.cached += 1
            } else {
                misses.append((job, cached))
                // Kept beside the PDF, for whoever debugs a print layout.
                try? Data(job.html.utf8).write(to: cached.deletingPathExtension().appendingPathExtension("html"))
            }
        }
        guard !misses.isEmpty else { return statistics }
        let started = ContinuousClock.now
        let queue = JobQueue(count: misses.count)
        let workerCount = min(settings.workers, misses.count)
        let settings = self.settings
        let progress = self.progress
        let total = misses.count
        let pending = misses
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<workerCount {
                group.addTask {
                    let worker = try await PDFWorker(settings: settings, index: index)
                    do {
                        while let next = await queue.next() {
                            let (job, cached) = pending[next]
                            do {
                                _ = try await worker.render(
                                    html: job.html, baseURL: base(job),
                                    output: cached, identifier: cached.deletingPathExtension().lastPathComponent)
                            } catch let error as PDFError {
                                throw PDFError(description: "the PDF of \(job.sourcePath) could not be made: \(error.description)")
                            }
                            try deliver(job, cached)
                            progress?(await queue.finished(), total, job.slug)
                        }
                    } catch {
                        await worker.stop()
                        throw error
                    }
                    await worker.stop()
                }
            }
            try await group.waitForAll()
        }
        statistics.rendered = misses.count
        let elapsed = ContinuousClock.now - started
        statistics.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return statistics
    }

    /// Everything that decides the PDF's bytes: the print HTML, the theme's assets, the brief's
    /// own files, and the rendering engine.
    func cacheKey(for job: PrintJob) -> String {
        var hash = SHA256()
        hash.update(Self.cacheVersion)
        hash.update(settings.python.resolvingSymlinksInPath().path)
        hash.update(themeDigest)
        hash.update(job.html)
        for dependency in job.dependencies {
            hash.update(dependency.lastPathComponent)
            if let data = FileManager.default.contents(atPath: dependency.path) { hash.update(data) }
        }
        return hash.hexDigest()
    }

    /// Digest of a theme's assets, in path order.
    public static func digest(of assets: [String: URL]) -> String {
        var hash = SHA256()
        for (path, url) in assets.sorted(by: { $0.key < $1.key }) {
            hash.update(path)
            if let data = FileManager.default.contents(atPath: url.path) { hash.update(data) }
        }
        return hash.hexDigest()
    }

    private static func copy(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: source, to: destination)
    }
}

/// Hands out job indices to the workers and counts finished ones.
private actor JobQueue {
    private var nextIndex = 0
    private var done = 0
    let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func finished() -> Int {
        done += 1
        return done
    }
}
