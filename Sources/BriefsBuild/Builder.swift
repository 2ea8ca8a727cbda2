import BriefsCore
import Foundation
import Logging

/// Runs the pipeline: load → parse → validate → render → write. Each stage returns values and
/// diagnostics; nothing is written unless the whole run is clean enough to publish.
public struct Builder: Sendable {
    public var options: BuildOptions
    public var logger: Logger

    public init(options: BuildOptions, logger: Logger = Logger(label: "briefpress")) {
        self.options = options
        self.logger = logger
    }

    /// Builds (or, without an output folder, only checks) the site. Throws `WriteError` only when
    /// the output cannot be written; content problems are in the report.
    public func run() async throws -> BuildReport {
        logger.debug("[1/5] Load \(options.siteRoot.path)")
        let source = SiteLoader.load(root: options.siteRoot, known: await options.cache?.knownFiles() ?? [:])
        await options.cache?.storeFiles(source.briefs)
        var diagnostics = source.diagnostics
        var site = SiteConfig(title: "", baseURL: "http://localhost/")
        if let text = source.configText {
            let (config, problems) = SiteConfigDecoder.decode(text: text, path: source.configPath)
            site = config
            diagnostics += problems
        }

        logger.debug("[2/5] Parse \(source.briefs.count) briefs")
        let parsed = await parse(source.briefs, site: site, siteText: source.configText ?? "")
        let briefs = parsed.compactMap(\.brief)
        diagnostics += parsed.flatMap(\.diagnostics)

        logger.debug("[3/5] Validate")
        diagnostics += SiteValidator.validate(
            briefs, site: site, slugs: source.briefs.map { ($0.slug, $0.path) }, today: options.today,
            includeDrafts: options.includeDrafts)
        let published = briefs.filter { options.includeDrafts || !$0.isDraft }

        logger.debug("[4/5] Render")
        var files: [OutputFile] = []
        var printJobs: [PrintJob] = []
        var externalLinks: [BriefLink] = []
        var themeAssets: [String: URL] = [:]
        var themeFingerprint = 0
        let loader = ThemeLoader(
            searchPaths: options.themeSearchPaths + [options.siteRoot.appendingPathComponent("themes", isDirectory: true)],
            siteRoot: options.siteRoot)
        let (theme, themeProblems) = loader.load(name: site.theme, writtenAt: site.themeLocation)
        diagnostics += themeProblems
        var sources = loader.readTexts
        sources[source.configPath] = source.configText
        for (file, parsedBrief) in zip(source.briefs, parsed) { sources[file.path] = parsedBrief.text }
        if let theme, source.configText != nil {
            let bytesByPath = Dictionary(source.briefs.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            let rendered = await render(published, site: site, theme: theme, siteText: source.configText ?? "",
                                        bytes: bytesByPath)
            diagnostics += rendered.flatMap(\.diagnostics)
            files += rendered.flatMap(\.files)
            printJobs = rendered.compactMap(\.printJob)
            themeAssets = theme.assets
            themeFingerprint = theme.fingerprint
            let pages = SitePageRenderer(site: site, theme: theme)
            let homeEntries = Dictionary(rendered.compactMap { brief in brief.homeEntry.map { (brief.slug, $0) } },
                                         uniquingKeysWith: { first, _ in first })
            files.append(pages.home(briefs: published, entries: homeEntries))
            // Drafts never go into feeds or the sitemap, even in a --drafts build.
            let drafts = Set(published.filter(\.isDraft).map(\.slug))
            let entries = rendered.compactMap(\.feedEntry).filter { !drafts.contains($0.record.slug) }
            files += SiteFeeds(site: site, entries: entries).files()
            var outputPaths = Set(files.map(\.path))
            outputPaths.formUnion(rendered.compactMap(\.printJob?.outputPath))
            let draftBySlug = Dictionary(briefs.map { ($0.slug, $0.isDraft) }, uniquingKeysWith: { first, _ in first })
            let linkPages = zip(published, rendered).map { brief, page in
                InternalLinkChecker.Page(slug: page.slug, isDraft: brief.isDraft, ids: page.ids, links: page.links)
            }
            diagnostics += InternalLinkChecker(pages: linkPages, drafts: draftBySlug, outputPaths: outputPaths).check()
            externalLinks = rendered.flatMap(\.links).filter { InternalLinkChecker.isExternal($0.destination) }
            files.append(pages.notFound())
            files += pages.assets()
        }

        let failed = diagnostics.hasErrors || (options.strict && diagnostics.warningCount > 0) || source.configText == nil
        var written = 0
        var pdfStatistics = PDFStatistics()
        if let output = options.output, !failed {
            logger.debug("[5/5] Write \(files.count) files to \(output.path)")
            let jobs = printJobs
            var stage: PDFStage?
            if !options.pdfOnDemand, let settings = options.pdf, !jobs.isEmpty {
                stage = PDFStage(settings: settings, themeDigest: await themeDigest(themeAssets, fingerprint: themeFingerprint),
                                 progress: options.pdfProgress)
            }
            let statistics = PDFStatisticsBox()
            if options.writeInPlace, let cache = options.cache {
                written = try await InPlaceWriter(target: output, cache: cache).write(files)
            } else {
                // Each PDF's cache key (a hash of its print HTML and files) is computed once: it is
                // both the PDF's fingerprint for "did anything change" and its name in the cache.
                let keys = stage.map { stage in
                    Dictionary(jobs.map { ($0.outputPath, stage.cacheKey(for: $0)) }, uniquingKeysWith: { first, _ in first })
                } ?? [:]
                written = try await OutputWriter(target: output).write(
                    files.sorted { $0.path < $1.path }, extra: keys.mapValues { "pdf-" + $0 }
                ) { staging in
                    guard let stage else { return }
                    await statistics.set(try await stage.run(jobs, keys: keys, staging: staging))
                }
            }
            pdfStatistics = await statistics.value
            // Nothing changed: the writer left the output, PDFs included, as it was.
            if stage != nil, pdfStatistics == PDFStatistics() { pdfStatistics.reused = jobs.count }
            written += pdfStatistics.rendered + pdfStatistics.cached
        }
        // A site default (say, its license) can raise the same problem for every brief: report it once.
        var report = BuildReport(diagnostics: Array(Set(diagnostics)).sorted(), briefCount: source.briefs.count,
                                 publishedCount: published.count, filesWritten: written, files: files, failed: failed)
        report.pdf = pdfStatistics
        report.sources = sources
        report.externalLinks = externalLinks
        report.printJobs = printJobs
        if options.pdfOnDemand { report.themeDigest = await themeDigest(themeAssets, fingerprint: themeFingerprint) }
        return report
    }

    /// The digest of the theme's assets for PDF cache keys (hashing the fonts costs a few
    /// milliseconds), remembered by the build cache while the theme is unchanged.
    func themeDigest(_ assets: [String: URL], fingerprint: Int) async -> String {
        if let cache = options.cache, let known = await cache.themeDigest(for: fingerprint) { return known }
        let digest = PDFStage.digest(of: assets)
        await options.cache?.storeThemeDigest(digest, for: fingerprint)
        return digest
    }

    // MARK: - Parallel stages

    struct ParsedBrief: Sendable {
        var index: Int
        var brief: Brief?
        var diagnostics: [Diagnostic]
        /// The decoded text, kept for source excerpts in diagnostics.
        var text: String?
    }

    /// Decodes every brief, at most `concurrency` at a time, keeping file order in the result;
    /// with a cache, briefs whose file and site.yaml did not change are taken from it.
    func parse(_ files: [BriefFile], site: SiteConfig, siteText: String) async -> [ParsedBrief] {
        var results = [ParsedBrief?](repeating: nil, count: files.count)
        if let cache = options.cache {
            for (index, file) in files.enumerated() {
                if var hit = await cache.parsedBrief(path: file.path, bytes: file.bytes, siteText: siteText) {
                    hit.index = index
                    results[index] = hit
                }
            }
        }
        let missing = results.indices.filter { results[$0] == nil }
        let fresh = await decode(missing.map { files[$0] }, site: site)
        for (position, index) in missing.enumerated() {
            var value = fresh[position]
            value.index = index
            results[index] = value
            await options.cache?.store(path: files[index].path, bytes: files[index].bytes, siteText: siteText, parsed: value)
        }
        return results.compactMap { $0 }
    }

    func decode(_ files: [BriefFile], site: SiteConfig) async -> [ParsedBrief] {
        await boundedMap(files) { index, file in
            switch SourceText.decode(file.bytes, path: file.path) {
            case .failure(let diagnostic):
                return ParsedBrief(index: index, brief: nil, diagnostics: [diagnostic])
            case .success(let text):
                let (brief, diagnostics) = BriefDecoder.decode(text: text, path: file.path, slug: file.slug, site: site)
                return ParsedBrief(index: index, brief: brief, diagnostics: diagnostics, text: text)
            }
        }
    }

    func render(_ briefs: [Brief], site: SiteConfig, theme: Theme, siteText: String,
                bytes: [String: [UInt8]]) async -> [RenderedBrief] {
        let renderer = BriefRenderer(
            site: site, theme: theme, briefs: Dictionary(briefs.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }),
            siteRoot: options.siteRoot, fileExists: { FileManager.default.fileExists(atPath: $0.path) },
            hasPDF: (options.pdf != nil && options.output != nil) || options.pdfOnDemand,
            seriesHeadings: SitePageRenderer.seriesHeadings(briefs, site: site))
        guard let cache = options.cache else {
            return await boundedMap(briefs) { _, brief in renderer.render(brief) }
        }
        // A page depends on its brief, site.yaml, the theme, and the language of its translation.
        let bySlug = renderer.briefs
        let keys = briefs.map { brief in
            BuildCache.RenderKey(bytes: bytes[brief.sourcePath] ?? [], siteText: siteText, theme: theme.fingerprint,
                                 hasPDF: renderer.hasPDF, seriesHeadings: renderer.seriesHeadings,
                                 translationLanguage: brief.translationSlug.flatMap { bySlug[$0]?.language.value })
        }
        var results = [RenderedBrief?](repeating: nil, count: briefs.count)
        for (index, brief) in briefs.enumerated() {
            results[index] = await cache.renderedBrief(slug: brief.slug, key: keys[index])
        }
        let missing = results.indices.filter { results[$0] == nil }
        let fresh = await boundedMap(missing.map { briefs[$0] }) { _, brief in renderer.render(brief) }
        for (position, index) in missing.enumerated() {
            results[index] = fresh[position]
            await cache.store(slug: briefs[index].slug, key: keys[index], rendered: fresh[position])
        }
        return results.compactMap { $0 }
    }

    /// Maps `items` with at most `options.concurrency` tasks in flight; results keep input order.
    func boundedMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @escaping @Sendable (Int, Item) -> Result
    ) async -> [Result] {
        var results = [Result?](repeating: nil, count: items.count)
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            func submit() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                group.addTask { (index, transform(index, item)) }
                next += 1
            }
            for _ in 0..<min(options.concurrency, items.count) { submit() }
            while let (index, result) = await group.next() {
                results[index] = result
                submit()
            }
        }
        return results.compactMap { $0 }
    }
}

/// Carries the PDF statistics out of the writer's closure.
private actor PDFStatisticsBox {
    var value = PDFStatistics()
    func set(_ statistics: PDFStatistics) { value = statistics }
}
