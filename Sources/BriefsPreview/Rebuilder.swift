import BriefsBuild
import BriefsCore
import Foundation
import Logging

/// Builds the site for the preview: drafts included (with their banner), no PDFs, into a
/// folder of its own, with exactly the release renderer and theme. A failed build keeps the
/// previous pages, and its problems go to the state, which shows them over every page.
public struct Rebuilder: Sendable {
    public var siteRoot: URL
    public var themeSearchPaths: [URL]
    public var today: BriefDate
    public var state: PreviewState
    public var logger: Logger
    /// The previous build's work, reused so a one-brief change rebuilds one brief.
    public var cache = BuildCache()

    public init(siteRoot: URL, themeSearchPaths: [URL], today: BriefDate, state: PreviewState, logger: Logger) {
        self.siteRoot = siteRoot
        self.themeSearchPaths = themeSearchPaths
        self.today = today
        self.state = state
        self.logger = logger
    }

    /// Rebuilds; returns the diagnostics, which the caller also prints in the terminal.
    @discardableResult
    public func rebuild() async -> [Diagnostic] {
        var options = BuildOptions(siteRoot: siteRoot, output: state.outputFolder, includeDrafts: true,
                                   today: today, themeSearchPaths: themeSearchPaths)
        options.pdf = state.pdf
        options.pdfOnDemand = state.pdf != nil
        options.cache = cache
        // Each save rewrites both feeds (megabytes): over the previous ones, kept beside the preview.
        options.spareFolder = state.outputFolder.deletingLastPathComponent().appendingPathComponent("preview-spare", isDirectory: true)
        do {
            let report = try await Builder(options: options, logger: logger).run()
            await state.finished(problems: report.diagnostics, sources: report.sources, printJobs: report.printJobs,
                                 themeDigest: report.themeDigest)
            return report.diagnostics
        } catch {
            let problem = Diagnostic(id: "preview.build-failed", severity: .error,
                                     message: "the preview could not be written: \(error)")
            await state.finished(problems: [problem], sources: [:])
            return [problem]
        }
    }
}
