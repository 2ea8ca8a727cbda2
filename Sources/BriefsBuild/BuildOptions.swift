import BriefsCore
import Foundation

/// What a build or check run should do. Passed explicitly; libraries never read the command line.
public struct BuildOptions: Sendable {
    /// The site folder (with `content/`).
    public var siteRoot: URL
    /// Where the site is written; `nil` validates only (`briefpress check`).
    public var output: URL?
    public var includeDrafts: Bool
    /// Warnings count as errors (for release).
    public var strict: Bool
    /// "Today", injected so dates in the future are judged the same way in tests.
    public var today: BriefDate
    /// Folders holding built-in themes, searched before the site's own `themes/`.
    public var themeSearchPaths: [URL]
    /// How many briefs are parsed and rendered at once.
    public var concurrency: Int
    /// How to make PDFs; `nil` skips them (`--no-pdf`, and `check`).
    public var pdf: PDFSettings?
    /// Link the PDFs from the pages without making them now: the preview renders a PDF only
    /// when someone opens it (`BuildReport.printJobs` holds what is needed).
    public var pdfOnDemand = false
    /// Reuse of the previous build's work in the same process (the preview server).
    public var cache: BuildCache?
    /// Where the build cache is kept between runs (`<site>/.briefpress/build-cache`); `nil` (the
    /// default) starts every run from nothing. Ignored when `cache` is set.
    public var cacheFile: URL?
    /// Where the feeds a build replaces are kept to be written over by the next build (see
    /// `OutputTransaction.stream`); by default `spare/` beside `cacheFile`.
    public var spareFolder: URL?
    /// Keep every rendered file in `BuildReport.files`. Tests look at them; the command line
    /// turns this off, so a large site's pages are written and forgotten one by one.
    public var keepsFiles = true
    /// Whether the build's working data (decoded briefs, render records, the cache) is freed when
    /// `run()` returns. A one-shot command sets this to `false`: the process ends right after, and
    /// taking thousands of records apart piece by piece cost a twentieth of a rebuild. The
    /// preview keeps the default.
    public var freesMemoryWhenDone = true
    /// Called after each PDF is made: (done, total, slug), for progress output.
    public var pdfProgress: (@Sendable (Int, Int, String) -> Void)?

    public init(siteRoot: URL, output: URL?, includeDrafts: Bool = false, strict: Bool = false,
                today: BriefDate, themeSearchPaths: [URL], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                pdf: PDFSettings? = nil) {
        self.siteRoot = siteRoot
        self.output = output
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
        self.themeSearchPaths = themeSearchPaths
        self.concurrency = max(1, concurrency)
        self.pdf = pdf
    }
}

/// The outcome of a run: every problem found, and what was written.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var briefCount: Int
    public var publishedCount: Int
    /// Files written; 0 for a check or a build that stopped on errors.
    public var filesWritten: Int
    /// The rendered files (also for `check`, which writes nothing).
    public var files: [OutputFile]
    /// Whether the run failed: errors, or warnings under `--strict`.
    public var failed: Bool
    /// PDFs rendered and taken from the cache.
    public var pdf = PDFStatistics()
    /// The print HTML of every brief whose PDF is linked (for PDFs made on demand).
    public var printJobs: [PrintJob] = []
    /// Digest of the theme's assets, part of every PDF's cache key.
    public var themeDigest = ""
    /// Every link to another site (and `mailto:`/`tel:`) in the briefs built, with its position,
    /// for the external link check (`check --external`).
    public var externalLinks: [BriefLink] = []
    /// The text of the files diagnostics point into (site-relative path → text with `\n` line
    /// ends), for excerpts. Other files' text is read on demand with `sourceText(_:)`.
    public var sources: [String: String] = [:]
    /// The site folder the paths are relative to.
    public var siteRoot: URL?
    /// Briefs taken from the build cache instead of rendered.
    public var reusedBriefs = 0
    /// Time per stage, for `--verbose` and the benchmarks.
    public var timings: [(stage: String, seconds: Double)] = []

    /// The text of the site file at `path` (from `sources`, else read from the site folder).
    public func sourceText(_ path: String) -> String? {
        if let text = sources[path] { return text }
        guard let root = siteRoot, let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path),
              case .success(let text) = SourceText.decode(Array(data), path: path) else { return nil }
        return text
    }
}
