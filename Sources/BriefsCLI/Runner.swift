import BriefsBuild
import BriefsCheck
import BriefsCore
import Foundation
import Logging

/// Runs a build or check for the command line: prints diagnostics and the summary, returns the
/// exit code (0 clean, 1 content problems, 2 the tool could not run).
struct Runner {
    var options: RunSettings
    /// Whether `build` makes PDFs (`check` never does).
    var pdf = false
    /// The external link check, when asked for (`check --external`, `build --check-external`).
    var external: ExternalLinkRun?

    func run(output: URL?) async -> Int32 {
        let root = options.siteRoot
        var logger = Logger(label: "briefpress") { _ in PlainLogHandler() }
        logger.logLevel = options.verbose ? .debug : .warning
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            printError("briefpress: error: the site folder \(root.path) does not exist")
            return 2
        }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("content").path) else {
            printError("briefpress: error: \(root.path) is not a briefpress site: it has no content/ folder (with site.yaml and briefs/)")
            return 2
        }
        var buildOptions = BuildOptions(
            siteRoot: root, output: output, includeDrafts: options.drafts, strict: options.strict,
            today: Self.today(), themeSearchPaths: ThemeLocator.builtInThemeFolders())
        // Pages are written and forgotten one by one; unchanged briefs come from the cache.
        buildOptions.keepsFiles = false
        buildOptions.freesMemoryWhenDone = false
        if let jobs = options.jobs { buildOptions.concurrency = jobs }
        if !options.noCache { buildOptions.cacheFile = root.appendingPathComponent(".briefpress/build-cache") }
        if pdf, output != nil {
            buildOptions.pdf = PDFSettings(
                python: ThemeLocator.python(),
                cacheFolder: root.appendingPathComponent(".briefpress/pdf-cache", isDirectory: true),
                installHint: "make build")
            if !options.quiet { buildOptions.pdfProgress = Self.progressPrinter() }
        }
        let report: BuildReport
        var links: LinkCheckResult?
        do {
            if let external, output != nil {
                // Broken links must stop a build like any other error, before anything is written,
                // but the Builder writes as soon as the content is clean. So check first (no
                // output, no PDFs), then build only when content and links are both fine.
                var checkOptions = buildOptions
                checkOptions.output = nil
                checkOptions.pdf = nil
                let checked = try await Builder(options: checkOptions, logger: logger).run()
                let result = await external.run(checked, logger: logger)
                links = result
                if checked.failed || Self.linksFail(result.diagnostics, strict: options.strict) {
                    return finish(checked, links: result, output: output, root: root)
                }
            }
            report = try await Builder(options: buildOptions, logger: logger).run()
        } catch {
            printError("briefpress: error: \(error); nothing was written, the previous output is unchanged")
            return 2
        }
        if let external, links == nil { links = await external.run(report, logger: logger) }
        return finish(report, links: links, output: output, root: root)
    }

    /// Whether link problems alone fail the run: errors, or warnings under `--strict`.
    static func linksFail(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.hasErrors || (strict && diagnostics.warningCount > 0)
    }

    /// Prints the problems of the build and the link check together, in the chosen format, and
    /// returns the exit code.
    func finish(_ buildReport: BuildReport, links: LinkCheckResult?, output: URL?, root: URL) -> Int32 {
        var report = buildReport
        if let links {
            report.diagnostics = (report.diagnostics + links.diagnostics).sorted()
            report.failed = report.failed || Self.linksFail(links.diagnostics, strict: options.strict)
        }
        // A build stopped by its links never reached the writing Builder run, so the summary's
        // "nothing was written" holds for it as for any failed build.
        var summary = summaryLine(report, output: output, root: root)
        if let links { summary += "\nbriefpress: " + ExternalLinkRun.summary(links.statistics) }
        let format = options.format
        let text = format.render(
            report.diagnostics, summary: options.quiet && format == .text ? "" : summary, colored: Self.useColor(),
            source: { [sources = report.sources] path in sources[path] })
        if format.isMachineReadable {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            let trimmed = options.quiet ? String(text.dropLast()) : text
            if !trimmed.isEmpty { FileHandle.standardError.write(Data(trimmed.utf8)) }
        }
        return report.failed ? 1 : 0
    }

    /// "PDF 3/20 wohnen-im-alter": on a terminal one line that updates, otherwise plain lines.
    static func progressPrinter() -> @Sendable (Int, Int, String) -> Void {
        let terminal = isatty(STDERR_FILENO) == 1
        return { done, total, slug in
            let line = "PDF \(done)/\(total) \(slug)"
            let text = terminal ? "\r\u{1B}[K" + line + (done == total ? "\n" : "") : line + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// The last line of every run: what was found, what was (not) written, what to do next.
    func summaryLine(_ report: BuildReport, output: URL?, root: URL) -> String {
        let errors = report.diagnostics.errorCount
        let warnings = report.diagnostics.warningCount
        let briefs = "\(report.briefCount) \(report.briefCount == 1 ? "brief" : "briefs")"
        let found = errors + warnings == 0 ? "no problems in \(briefs)"
            : "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings") in \(briefs)"
        if report.failed {
            let kept = output.map { _ in "; nothing was written, the previous output is unchanged" } ?? ""
            return "briefpress: \(found)\(kept)"
        }
        let drafts = report.briefCount - report.publishedCount
        let draftNote = drafts > 0 && !options.drafts ? " (\(drafts) \(drafts == 1 ? "draft" : "drafts") left out; add --drafts to include)" : ""
        guard let output else { return "briefpress: \(found)\(draftNote)" }
        let shown = Self.relativePath(output, to: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let pdfs = report.pdf.rendered + report.pdf.cached + report.pdf.reused == 0 ? ""
            : ", \(report.pdf.rendered) PDFs rendered, \(report.pdf.cached + report.pdf.reused) unchanged"
        // Pages link to folders (briefs/x/), which a browser resolves only over HTTP, not file://.
        return "briefpress: \(found). Built \(report.publishedCount) \(report.publishedCount == 1 ? "brief" : "briefs")\(draftNote) into \(shown)/ (\(report.filesWritten) \(report.filesWritten == 1 ? "file" : "files") written\(pdfs)).\n"
            + "To look at it: python3 -m http.server --directory \(shown) 8000, then open http://127.0.0.1:8000/"
    }

    static func relativePath(_ url: URL, to base: URL) -> String {
        let path = url.standardizedFileURL.path
        let basePath = base.standardizedFileURL.path + "/"
        return path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
    }

    static func today() -> BriefDate {
        civilDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The UTC calendar date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`):
    /// arithmetic instead of `Calendar`, whose first use loads ICU's calendar data on every build.
    static func civilDate(daysSinceEpoch days: Int) -> BriefDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return BriefDate(year: year, month: month, day: day)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func useColor() -> Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) == 1
    }

    func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
