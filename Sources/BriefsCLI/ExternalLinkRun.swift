import BriefsBuild
import BriefsCheck
import BriefsCore
import Foundation
import Logging

/// Runs the external link check for the command line: links from the build report, exclusions
/// from `site.yaml` and `--exclude`, the cache in `<site>/.briefpress/linkcheck.json`.
struct ExternalLinkRun {
    var options: ExternalCheckOptions
    var root: URL

    var cacheFile: URL { root.appendingPathComponent(".briefpress/linkcheck.json") }

    /// Checks the report's external links and saves the cache; `logger` gets a line for `--verbose`.
    func run(_ report: BuildReport, logger: Logger) async -> LinkCheckResult {
        // The report holds the text of files with problems only; the others are read here, once each.
        var texts = report.sources
        let links = report.externalLinks.map { link in
            let path = link.location.path
            if texts[path] == nil { texts[path] = report.sourceText(path) }
            return LinkOccurrence(destination: link.destination,
                                  location: Self.destinationLocation(link.destination, after: link.location, in: texts))
        }
        let checker = ExternalLinkChecker(
            options: options.checkOptions(environment: ProcessInfo.processInfo.environment),
            exclusions: siteExclusions(report) + options.exclude.map { LinkPlanner.Exclusion(pattern: $0) })
        logger.debug("[link check] \(links.count) external links")
        let start = ContinuousClock.now
        let result = await checker.check(links, cache: LinkCache.load(from: cacheFile), now: Date())
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let statistics = result.statistics
        logger.debug("[link check] asked \(statistics.fetched) addresses on \(statistics.hosts) \(statistics.hosts == 1 ? "host" : "hosts") in \(String(format: "%.2f", seconds)) s; \(statistics.fromCache) answered by the cache")
        do {
            try result.cache.save(to: cacheFile)
        } catch {
            // Losing the cache costs only time on the next run; it is no reason to fail this one.
            FileHandle.standardError.write(Data("briefpress: warning: the link check cache \(cacheFile.path) could not be written: \(error.localizedDescription)\n".utf8))
        }
        return result
    }

    /// Where the destination itself is written. A link's position is that of its `[`; problems
    /// with the address are clearer with the caret under the address, so it is looked up in the
    /// line (columns in Unicode scalars). Falls back to the link's position when not found there
    /// (a reference-style link, or a destination written with escapes).
    static func destinationLocation(_ destination: String, after location: SourceLocation,
                                    in sources: [String: String]) -> SourceLocation {
        guard let text = sources[location.path] else { return location }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return location }
        let line = Array(lines[location.line - 1].unicodeScalars)
        let needle = Array(destination.unicodeScalars)
        guard !needle.isEmpty, line.count >= needle.count else { return location }
        var start = max(0, location.column - 1)
        while start + needle.count <= line.count {
            if line[start..<(start + needle.count)].elementsEqual(needle) {
                return SourceLocation(path: location.path, line: location.line, column: start + 1)
            }
            start += 1
        }
        return location
    }

    /// `linkcheck.exclude` from `site.yaml`, with positions. The build report does not carry the
    /// site settings, so the file (already read by the build) is decoded once more.
    func siteExclusions(_ report: BuildReport) -> [LinkPlanner.Exclusion] {
        let path = "content/site.yaml"
        let text = report.sources[path]
            ?? (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        guard let text else { return [] }
        let config = SiteConfigDecoder.decode(text: text, path: path).0
        return config.linkcheckExclude.map { LinkPlanner.Exclusion(pattern: $0.value, location: $0.location, length: $0.length) }
    }

    /// "checked 230 external links (180 unique, 150 from the cache, 3 excluded)".
    static func summary(_ statistics: LinkCheckResult.Statistics) -> String {
        var parts = ["\(statistics.targets) unique", "\(statistics.fromCache) from the cache"]
        if statistics.excluded > 0 { parts.append("\(statistics.excluded) excluded") }
        let noun = statistics.links == 1 ? "link" : "links"
        return "checked \(statistics.links) external \(noun) (\(parts.joined(separator: ", ")))"
    }
}
