import BriefsCore
import Foundation
import Logging

/// Runs the pipeline: load → decode → validate → render and write → site pages and link check →
/// commit. Each stage returns values and diagnostics; the output folder changes only when the
/// whole run is clean enough to publish.
///
/// Briefs are decoded, and then rendered, by a bounded number of parallel tasks. Rendering
/// follows feed order, and each brief's page and exports are written as soon as they are made,
/// so memory does not grow with the site: what stays of a brief is its `RenderRecord` (links,
/// ids, home page entry, file fingerprints). With a `BuildCache`, a brief whose inputs did not
/// change is neither decoded nor rendered, and its files are left as they are.
public struct Builder: Sendable {
    public var options: BuildOptions
    public var logger: Logger

    public init(options: BuildOptions, logger: Logger = Logger(label: "briefpress")) {
        self.options = options
        self.logger = logger
    }

    /// Builds (or, without an output folder, only checks) the site. Throws `WriteError` or
    /// `PDFError` only when the output cannot be written; content problems are in the report.
    public func run() async throws -> BuildReport {
        var timer = StageTimer(logger: logger)
        let startedAt = Int(time(nil))
        // The cache file is read on other cores while the site's files are listed and the theme
        // is loaded: on a rebuild those three are most of the work before anything renders. Beside
        // it, a task of its own reads the output's manifest (4,000 lines at 1,000 briefs), which
        // a build that writes needs before it renders.
        let output = options.output
        let cacheLoad = options.cache == nil ? options.cacheFile.map { file in
            Task.detached { () -> (BuildCache, OutputManifest?) in
                async let manifest = output.flatMap(OutputTransaction.manifest(of:))
                let cache = BuildCache.load(from: file)
                return (cache, await manifest)
            }
        } : nil
        let (configText, configProblems) = SiteLoader.readConfig(root: options.siteRoot)
        var diagnostics = configProblems
        var site = SiteConfig(title: "", baseURL: "http://localhost/")
        if let text = configText {
            let (config, problems) = SiteConfigDecoder.decode(text: text, path: SiteLoader.configPath)
            site = config
            diagnostics += problems
        }
        // The theme's templates are parsed on another core while the briefs are listed and
        // decoded, which do not need them (a few milliseconds at the start of every build,
        // when the other core had nothing to do yet).
        let themeLoad = Task.detached { [options, site] () -> (Theme?, [Diagnostic], [String: String]) in
            let loader = ThemeLoader(
                searchPaths: options.themeSearchPaths + [options.siteRoot.appendingPathComponent("themes", isDirectory: true)],
                siteRoot: options.siteRoot)
            let (theme, problems) = loader.load(name: site.theme, writtenAt: site.themeLocation)
            return (theme, problems, loader.readTexts)
        }
        let (briefs, listingProblems) = SiteLoader.findBriefs(root: options.siteRoot, configFound: configText != nil)
        diagnostics += listingProblems
        var sources: [String: String] = [:]
        sources[SiteLoader.configPath] = configText
        timer.finish("find \(briefs.count) brief files, read site.yaml")
        // While the cache may still be loading: the stamps of the briefs' output folders, which
        // reusing a brief compares with the cache (`OutputTransaction.keep`; a folder not looked
        // at here is looked at there).
        let folders = cacheLoad != nil
            ? options.output.map { OutputTransaction.folderStamps(in: $0, folders: briefs.map { "briefs/" + $0.slug }) } ?? [:]
            : [:]
        let cache: BuildCache?
        let manifest: OutputManifest?
        if let cacheLoad {
            (cache, manifest) = await cacheLoad.value
        } else {
            (cache, manifest) = (options.cache, nil)
        }
        timer.finish("read the build cache (waited)")

        var decodeKeyHasher = XXH64()
        decodeKeyHasher.update(BuildCache.formatVersion)
        decodeKeyHasher.update(configText ?? "")
        let decodeKey = decodeKeyHasher.finalize()
        // Files the cache vouches for by their stamp are settled here; only the others are read
        // and decoded, in parallel.
        var decodedSlots = briefs.map { Self.cachedDecode($0, decodeKey: decodeKey, cache: cache) }
        let missing = decodedSlots.indices.filter { decodedSlots[$0] == nil }
        FilePrefetch.start(missing.map { briefs[$0].fullPath })
        let store = BriefStore(capacity: missing.count)
        let fresh = await Self.boundedMap(missing.map { briefs[$0] }, width: options.concurrency) { [site] index, file in
            Self.decode(file, index: index, site: site, decodeKey: decodeKey, cache: cache, store: store)
        }
        for (slot, result) in zip(missing, fresh) { decodedSlots[slot] = result }
        let decoded = decodedSlots.compactMap { $0 }
        for brief in decoded {
            diagnostics += brief.diagnostics
            if let text = brief.text { sources[brief.file.path] = text }
        }
        timer.finish("decode \(decoded.count) briefs (\(decoded.count - store.count) from the build cache)")

        let facts = decoded.compactMap(\.facts)
        diagnostics += SiteValidator.validate(
            facts, site: site, slugs: briefs.map { ($0.slug, $0.path) }, today: options.today,
            includeDrafts: options.includeDrafts)
        let published = BriefFacts.inFeedOrder(facts.filter { options.includeDrafts || !$0.isDraft })
        timer.finish("validate")
        let (theme, themeProblems, themeTexts) = await themeLoad.value
        diagnostics += themeProblems
        sources.merge(themeTexts) { current, _ in current }
        timer.finish("load the theme (waited)")

        var report = BuildReport(diagnostics: [], briefCount: briefs.count, publishedCount: published.count,
                                 filesWritten: 0, files: [], failed: false)
        report.siteRoot = options.siteRoot
        guard let theme, configText != nil else {
            return finish(&report, diagnostics: diagnostics, sources: sources, timer: timer)
        }

        // Problems found so far already stop the release: render anyway (every problem of the
        // run is reported at once), but write nothing.
        let writes = options.output != nil && !Self.fails(diagnostics, strict: options.strict)
        // The spare feeds live beside the build cache (`OutputTransaction.stream`).
        let spares = options.spareFolder
            ?? options.cacheFile?.deletingLastPathComponent().appendingPathComponent("spare", isDirectory: true)
        let transaction = writes ? try options.output.map { try OutputTransaction(target: $0, spares: spares, manifest: manifest, folderStamps: folders) } : nil
        defer { transaction?.rollback() }
        var context = try RenderContext(
            options: options, site: site, theme: theme, published: published, decoded: decoded, decodeKey: decodeKey,
            cache: cache, store: store, transaction: transaction)
        if let transaction { context.previousFeeds = Self.previousFeeds(cache: cache, transaction: transaction) }
        let hasPDF = context.renderer.hasPDF
        let pdfStage = context.pdfStage

        // Render in feed order; each result is folded in, in that order, as soon as it is ready.
        let feeds = SiteFeeds(site: site, updated: published.filter { !$0.isDraft }.map(\.modified).max())
        let feedFiles = try transaction.map { transaction in
            (atom: try transaction.stream("feed.xml", baseline: context.previousFeeds?.atom ?? transaction.previousFile("feed.xml")),
             json: try transaction.stream("feed.json", baseline: context.previousFeeds?.json ?? transaction.previousFile("feed.json")))
        }
        var feedWriter = try FeedWriter(site: feeds, atom: feedFiles?.atom, json: feedFiles?.json,
                                        previous: context.previousFeeds)
        var assembly = SiteAssembly(capacity: published.count)
        let renderer = context
        // Briefs taken from the cache need no task of their own.
        // Briefs decoded in this run changed: they start rendering on the other cores at once,
        // while this task goes through the ones it takes from the cache.
        let changed = Set(fresh.compactMap { $0.isNew ? $0.facts.map(ObjectIdentifier.init) : nil })
        let early = changed.isEmpty ? [] : published.indices.filter { changed.contains(ObjectIdentifier(published[$0])) }
        try await Self.orderedMap(published, width: options.concurrency, early: early,
                                  immediate: { _, facts in renderer.reused(facts) }) { _, facts in
            try renderer.render(facts)
        } consume: { index, outcome in
            var record = outcome.record
            if let parts = record.feed {
                let written = try feedWriter.append(parts)
                if !(cache?.keepsFeedText ?? true) { record.feed = written }
            }
            assembly.add(outcome, written: record, facts: published[index], keepFiles: options.keepsFiles)
        }
        try feedWriter.finish()
        // The feeds' last bytes are written while the site's pages are made: after a change to
        // a new brief, near the feeds' start, that is most of their 20 MB (at 1,000 briefs),
        // copied file to file, each feed on a core of its own.
        async let feedsFinished: Void = Self.finish(feedFiles, in: transaction)
        timer.finish("render \(published.count) briefs (\(assembly.reused) from the build cache)")

        // The pages and files of the whole site.
        let pages = SitePageRenderer(site: site, theme: theme)
        var siteFiles = [pages.home(assembly.homeEntries), OutputFile(path: "sitemap.xml", content: .bytes(feeds.sitemap(assembly.sitemap))),
                         OutputFile(path: "robots.txt", text: feeds.robots()), pages.notFound()]
        siteFiles += pages.assets()
        for file in siteFiles { try transaction?.put(file) }
        if options.keepsFiles { assembly.files += siteFiles }
        let draftBySlug = Dictionary(facts.map { ($0.slug, $0.isDraft) }, uniquingKeysWith: { first, _ in first })
        diagnostics += assembly.diagnostics
        // Pages taken from the cache keep what the last check found on them while nothing else it looks at changed.
        let linkChecker = InternalLinkChecker(pages: assembly.linkPages, drafts: draftBySlug,
                                              sitePaths: Set(siteFiles.map(\.path) + ["feed.xml", "feed.json"]), hasPDFs: hasPDF)
        let linkChecks = linkChecker.checkPages(targets: linkChecker.targets())
        for memo in linkChecks { diagnostics += memo.problems }
        try await feedsFinished
        timer.finish("site pages, feeds and internal link check")

        report.failed = Self.fails(diagnostics, strict: options.strict)
        report.externalLinks = assembly.externalLinks
        report.reusedBriefs = assembly.reused
        report.printJobs = assembly.printJobs
        if options.keepsFiles {
            let feedTexts = try Self.feedFiles(site: feeds, parts: assembly.feedParts)
            report.files = (assembly.files + feedTexts).sorted { $0.path < $1.path }
        }
        if options.pdfOnDemand { report.themeDigest = context.themeDigest ?? "" }
        var cacheUpdated = false
        var cacheUpdate = CacheUpdate(
            cache: cache, records: assembly.cacheRecords, linkChecks: linkChecks, briefPaths: Set(briefs.map(\.path)),
            startedAt: startedAt, file: options.cache == nil ? options.cacheFile : nil, logger: logger)
        if let transaction, !report.failed {
            if let pdfStage, !assembly.pdfJobs.isEmpty {
                report.pdf = try await Self.makePDFs(assembly.pdfJobs, stage: pdfStage, theme: theme, transaction: transaction)
                timer.finish("PDFs (\(report.pdf.rendered) rendered)")
            }
            report.pdf.reused += assembly.reusedPDFs
            cacheUpdate.committed = (output: transaction.target, folder: transaction.openFolder)
            if transaction.mode == .fresh, cache != nil {
                // A fresh output's folders and feeds are final before it is moved into place
                // (the move renames its top folder only, which changes neither the time nor the
                // inode of anything inside), so the build cache is updated and saved on another
                // core while this one writes the manifest and moves the output into place (the
                // two were a twentieth of a 5,000-brief build, one after the other). Should the
                // move fail, the saved records point into an output that is not there, which the
                // next build, fresh again, does not reuse anyway. (The transaction holds the
                // fresh folder open, so its stamps are taken wherever it is by then.)
                let update = cacheUpdate
                async let saved: Void = Task.detached { update.run() }.value
                report.filesWritten = try transaction.commit()
                await saved
                timer.finish("write (\(report.filesWritten) files changed) and build cache")
                cacheUpdated = true
            } else {
                report.filesWritten = try transaction.commit()
                timer.finish("write (\(report.filesWritten) files changed)")
            }
        }
        if cache != nil, !cacheUpdated {
            cacheUpdate.wroteNothing = transaction == nil
            cacheUpdate.run()
            timer.finish("build cache")
        }
        if !options.freesMemoryWhenDone { ProcessLifetime.keep(cache as Any, context, decoded, assembly, published, facts) }
        return finish(&report, diagnostics: diagnostics, sources: sources, timer: timer)
    }

    private func finish(_ report: inout BuildReport, diagnostics: [Diagnostic], sources: [String: String],
                        timer: StageTimer) -> BuildReport {
        // A site default (say, its license) can raise the same problem for every brief: report it once.
        report.diagnostics = Array(Set(diagnostics)).sorted()
        report.failed = Self.fails(report.diagnostics, strict: options.strict) || sources[SiteLoader.configPath] == nil
        // Excerpts for every file a problem points into (cached problems name files not read).
        var sources = sources
        for path in Set(report.diagnostics.compactMap(\.location?.path)) where sources[path] == nil {
            sources[path] = report.sourceText(path)
        }
        report.sources = sources
        report.timings = timer.stages
        return report
    }

    static func fails(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.hasErrors || (strict && diagnostics.warningCount > 0)
    }

    // MARK: - Decoding

    struct DecodedBrief: Sendable {
        var file: BriefFile
        var facts: BriefFacts?
        var diagnostics: [Diagnostic]
        var contentHash: UInt64
        /// The text, kept only when it has problems (for excerpts).
        var text: String?
        /// Whether it was decoded in this run (its content changed), not taken from the cache.
        var isNew = false
    }

    /// What decoding `file` found, from the cache, when neither its stamp nor `site.yaml` changed.
    static func cachedDecode(_ file: BriefFile, decodeKey: UInt64, cache: BuildCache?) -> DecodedBrief? {
        guard let cache, let entry = cache.entry(file.path), entry.decodeKey == decodeKey, entry.stamp == file.stamp,
              !cache.isRacy(file.stamp) else { return nil }
        cache.countDecodeHit()
        return DecodedBrief(file: file, facts: entry.facts, diagnostics: entry.diagnostics, contentHash: entry.contentHash)
    }

    /// Reads and decodes one file (or, when only its stamp changed and its content hash did not,
    /// takes what decoding found from the cache). A decoded `Brief` goes into `store` for rendering.
    static func decode(_ file: BriefFile, index: Int, site: SiteConfig, decodeKey: UInt64, cache: BuildCache?,
                       store: BriefStore) -> DecodedBrief {
        let entry = cache?.entry(file.path)
        let bytes: [UInt8]
        switch file.read() {
        case .success(let read): bytes = read
        case .failure(let diagnostic):
            cache?.store(file.path, BuildCache.Entry(stamp: file.stamp, contentHash: 0, decodeKey: decodeKey, facts: nil,
                                                     diagnostics: [diagnostic]))
            return DecodedBrief(file: file, facts: nil, diagnostics: [diagnostic], contentHash: 0)
        }
        let contentHash = XXH64.hash(bytes)
        if var entry, let cache, entry.decodeKey == decodeKey, entry.contentHash == contentHash {
            // Touched or copied back, not changed; or changed too recently to trust its stamp.
            cache.countDecodeHit()
            if entry.stamp == file.stamp {
                cache.noteVerified()
            } else {
                entry.stamp = file.stamp
                cache.store(file.path, entry)
            }
            return DecodedBrief(file: file, facts: entry.facts, diagnostics: entry.diagnostics, contentHash: contentHash)
        }
        var result = DecodedBrief(file: file, facts: nil, diagnostics: [], contentHash: contentHash)
        switch SourceText.decode(bytes, path: file.path) {
        case .failure(let diagnostic):
            result.diagnostics = [diagnostic]
        case .success(let text):
            let (brief, diagnostics) = BriefDecoder.decode(text: text, path: file.path, slug: file.slug, site: site)
            result.diagnostics = diagnostics
            if let brief {
                result.facts = BriefFacts(brief)
                result.isNew = true
                store.put(brief)
            }
            if !diagnostics.isEmpty { result.text = text }
        }
        cache?.store(file.path, BuildCache.Entry(stamp: file.stamp, contentHash: contentHash, decodeKey: decodeKey,
                                                 facts: result.facts, diagnostics: result.diagnostics))
        return result
    }

    // MARK: - Feeds

    /// Finishes both feed files at once.
    static func finish(_ feeds: (atom: StreamedFile, json: StreamedFile)?, in transaction: OutputTransaction?) async throws {
        guard let transaction, let feeds else { return }
        async let atom: Void = transaction.finish(feeds.atom)
        try transaction.finish(feeds.json)
        try await atom
    }

    /// The feeds of the previous build (mapped, not read), when the cache's feed entries point into them.
    static func previousFeeds(cache: BuildCache?, transaction: OutputTransaction) -> FeedWriter.Previous? {
        guard transaction.mode == .inPlace, let cache, !cache.keepsFeedText, let recorded = cache.feedFiles,
              recorded.output == transaction.target, feedStamps(output: transaction.target) == recorded,
              let atom = transaction.previousFile("feed.xml"), let json = transaction.previousFile("feed.json") else { return nil }
        return FeedWriter.Previous(atom: atom, json: json)
    }

    static func feedStamps(output: String) -> FeedFileStamps? {
        guard let atom = FileStamp.of(output + "/feed.xml"), let json = FileStamp.of(output + "/feed.json") else { return nil }
        return FeedFileStamps(output: output, atom: atom, json: json)
    }

    /// The feeds as files, for reports that keep their files (tests, `check`).
    static func feedFiles(site: SiteFeeds, parts: [FeedParts]) throws -> [OutputFile] {
        var atom = site.atomHead()
        var json = site.jsonHead()
        for (index, part) in parts.enumerated() {
            guard case .text(let entry) = part.atom, case .text(let item) = part.json else { continue }
            atom += String(decoding: entry, as: UTF8.self)
            json += (index > 0 ? SiteFeeds.jsonSeparator : "") + String(decoding: item, as: UTF8.self)
        }
        return [OutputFile(path: "feed.xml", text: atom + SiteFeeds.atomTail),
                OutputFile(path: "feed.json", text: json + SiteFeeds.jsonTail)]
    }

    // MARK: - PDFs

    static func makePDFs(_ jobs: [(job: PrintJob, key: String)], stage: PDFStage, theme: Theme,
                         transaction: OutputTransaction) async throws -> PDFStatistics {
        // PDFs that did not change are in the output already.
        let pending = jobs.filter { !transaction.keep([OutputFileRecord(path: $0.job.outputPath, fingerprint: "pdf-" + $0.key)]) }
        // A fresh output already holds everything the print HTML refers to; an output updated in
        // place does not yet, so the PDFs are made from a folder of links to the sources.
        let tree = transaction.mode == .inPlace && !pending.isEmpty
            ? try PrintTree.make(assets: theme.assets, jobs: pending.map(\.job)) : nil
        defer { tree?.remove() }
        let root = URL(fileURLWithPath: transaction.root, isDirectory: true)
        let keys = Dictionary(pending.map { ($0.job.outputPath, $0.key) }, uniquingKeysWith: { first, _ in first })
        var statistics = try await stage.run(pending, base: { job in
            tree?.base(for: job) ?? root.appendingPathComponent("briefs/\(job.slug)", isDirectory: true)
        }, deliver: { job, pdf in
            try transaction.put(OutputFile(path: job.outputPath, content: .copy(pdf)), fingerprint: "pdf-" + (keys[job.outputPath] ?? ""))
        })
        statistics.reused = jobs.count - pending.count
        return statistics
    }

    // MARK: - Parallel stages

    /// Maps `items` with at most `width` tasks in flight; results keep input order.
    static func boundedMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, _ transform: @escaping @Sendable (Int, Item) -> Result
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
            for _ in 0..<min(width, items.count) { submit() }
            while let (index, result) = await group.next() {
                results[index] = result
                submit()
            }
        }
        return results.compactMap { $0 }
    }

    /// Runs `transform` over `items` with at most `width` tasks in flight and hands each result
    /// to `consume` in input order, as soon as it and all before it are done. At most a few
    /// rendered results wait for a slow one, so memory stays flat however many items there are.
    /// `immediate` gives the result of an item without a task when it can (cheaply, on the
    /// calling task: a brief taken from the build cache); `transform` makes the others. Items
    /// at the indices `early` get their tasks first (up to `width` of them): the other cores
    /// render the changed briefs while this task goes through the unchanged ones, which it does
    /// without waiting for their turn (their results are small: they come from the cache).
    static func orderedMap<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, early: [Int] = [], immediate: (Int, Item) -> Result? = { _, _ in nil },
        transform: @escaping @Sendable (Int, Item) throws -> Result,
        consume: (Int, Result) throws -> Void
    ) async throws {
        let width = max(1, width)
        let window = width * 4
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var waiting: [Int: Result] = [:]
            var next = 0
            var consumed = 0
            var running = 0
            /// An item that needs a task, waiting for a free one (or for its turn to come closer).
            var blocked: Int?
            func drain() throws {
                while let ready = waiting.removeValue(forKey: consumed) {
                    try consume(consumed, ready)
                    consumed += 1
                }
            }
            func start(_ index: Int) {
                let item = items[index]
                group.addTask { (index, try transform(index, item)) }
                running += 1
            }
            var started = Set<Int>()
            for index in early.prefix(width) where items.indices.contains(index) && !started.contains(index) {
                start(index)
                started.insert(index)
            }
            func submit() throws {
                if let index = blocked {
                    guard running < width, index < consumed + window else { return }
                    start(index)
                    blocked = nil
                }
                while next < items.count {
                    let index = next
                    next += 1
                    if started.contains(index) { continue }
                    if let result = immediate(index, items[index]) {
                        if index == consumed {
                            // Its turn (the usual case): folded in without a trip through `waiting`.
                            try consume(index, result)
                            consumed += 1
                        } else {
                            waiting[index] = result
                        }
                        try drain()
                        continue
                    }
                    guard running < width, index < consumed + window else {
                        blocked = index
                        return
                    }
                    start(index)
                }
            }
            try submit()
            while let (index, result) = try await group.next() {
                running -= 1
                waiting[index] = result
                try drain()
                try submit()
            }
        }
    }
}

/// Decoded briefs waiting to be rendered; each is handed out once, so its memory goes as soon
/// as its page is written.
final class BriefStore: @unchecked Sendable {
    private let lock = NSLock()
    private var briefs: [String: Brief]
    private var total = 0

    /// `capacity`: how many briefs will be put (the table is not grown, moving every brief, on the way).
    init(capacity: Int) { briefs = Dictionary(minimumCapacity: capacity) }

    func put(_ brief: Brief) {
        lock.withLock {
            briefs[brief.sourcePath] = brief
            total += 1
        }
    }

    func take(_ path: String) -> Brief? { lock.withLock { briefs.removeValue(forKey: path) } }

    /// How many briefs were decoded in this run.
    var count: Int { lock.withLock { total } }
}

/// Wall time per stage, logged with `--verbose`.
struct StageTimer {
    let logger: Logger
    private var last = ContinuousClock.now
    private(set) var stages: [(stage: String, seconds: Double)] = []

    init(logger: Logger) { self.logger = logger }

    mutating func finish(_ stage: String) {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        stages.append((stage, seconds))
        logger.debug("\(stage): \((seconds * 10_000).rounded() / 10) ms")
    }
}
