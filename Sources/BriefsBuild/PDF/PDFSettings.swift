import Foundation

/// How PDFs are made: which Python has WeasyPrint, where rendered PDFs are cached, how many
/// long-lived worker processes render at once.
public struct PDFSettings: Sendable {
    /// A Python interpreter that can `import weasyprint` (the project venv's).
    public var python: URL
    /// `<site>/.briefpress/pdf-cache`: PDFs by content hash, so an unchanged brief is never re-rendered.
    public var cacheFolder: URL
    /// Worker processes; one per core keeps both cores busy without thrashing.
    public var workers: Int
    /// Longest time one PDF may take before the worker is considered hung.
    public var timeout: Duration
    /// The command that installs WeasyPrint, for the error message when it is missing.
    public var installHint: String

    public init(python: URL, cacheFolder: URL, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                timeout: Duration = .seconds(120), installHint: String = "make build") {
        self.python = python
        self.cacheFolder = cacheFolder
        self.workers = max(1, workers)
        self.timeout = timeout
        self.installHint = installHint
    }
}

/// Why PDFs could not be made. The tool reports these with exit code 2 (the content is fine;
/// the machine is not), naming the brief when one brief failed.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// How many PDFs a build rendered and how many came from the cache.
public struct PDFStatistics: Sendable, Equatable {
    public var rendered = 0
    /// Copied from the PDF cache.
    public var cached = 0
    /// Unchanged since the previous output, linked from it (nothing written).
    public var reused = 0
    public var seconds: Double = 0
    public init() {}
}
