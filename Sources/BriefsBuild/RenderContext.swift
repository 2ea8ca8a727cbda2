import BriefsCore
import Foundation

/// What rendering one brief gave the build.
struct RenderOutcome: Sendable {
    var record: RenderRecord
    var renderKey: UInt64
    /// The brief's files, when the report keeps them.
    var files: [OutputFile]
    /// Taken from the build cache, not rendered.
    var reused: Bool
    /// The PDF to make, with its cache key (release builds with PDFs).
    var pdfJob: (job: PrintJob, key: String)?
}

/// Everything a render task needs, shared by all of them: renders one brief, or takes it from
/// the build cache when nothing it depends on changed, and writes its files.
struct RenderContext: Sendable {
    let options: BuildOptions
    let renderer: BriefRenderer
    let decodeKey: UInt64
    let cache: BuildCache?
    let store: BriefStore
    let transaction: OutputTransaction?
    /// The previous build's feeds, for briefs whose entries are copied from them.
    var previousFeeds: FeedWriter.Previous?
    /// Makes the PDFs of a release build (`nil` without PDFs, and in the preview).
    let pdfStage: PDFStage?
    /// The digest of the theme's assets, part of every PDF's cache key.
    let themeDigest: String?
    private let decoded: [String: Builder.DecodedBrief]
    private let site: SiteConfig

    init(options: BuildOptions, site: SiteConfig, theme: Theme, published: [BriefFacts], decoded: [Builder.DecodedBrief],
         decodeKey: UInt64, cache: BuildCache?, store: BriefStore, transaction: OutputTransaction?) throws {
        self.options = options
        self.site = site
        self.decodeKey = decodeKey
        self.cache = cache
        self.store = store
        self.transaction = transaction
        self.decoded = Dictionary(decoded.map { ($0.file.path, $0) }, uniquingKeysWith: { first, _ in first })
        let hasPDF = (options.pdf != nil && options.output != nil) || options.pdfOnDemand
        renderer = BriefRenderer(
            site: site, theme: theme,
            languages: Dictionary(published.map { ($0.slug, $0.language) }, uniquingKeysWith: { first, _ in first }),
            siteRoot: options.siteRoot, hasPDF: hasPDF,
            seriesHeadings: SitePageRenderer.seriesHeadings(published, site: site))
        // Hashing the fonts takes a few milliseconds: only when PDFs are made.
        let digest = hasPDF ? PDFStage.digest(of: theme.assets) : nil
        themeDigest = digest
        if let settings = options.pdf, let digest, options.output != nil, !options.pdfOnDemand {
            pdfStage = PDFStage(settings: settings, themeDigest: digest, progress: options.pdfProgress)
        } else {
            pdfStage = nil
        }
    }

    /// What a brief's page depends on besides its own file: site.yaml (through the decode key),
    /// the theme, whether PDFs are linked, the home page's layout, its translation's language.
    func renderKey(_ facts: BriefFacts, contentHash: UInt64) -> UInt64 {
        var hasher = XXH64()
        hasher.update(decodeKey)
        hasher.update(contentHash)
        hasher.update(renderer.theme.fingerprint)
        hasher.update(renderer.hasPDF ? 1 : 0)
        hasher.update(renderer.seriesHeadings ? 1 : 0)
        hasher.update(facts.translation.flatMap { renderer.languages[$0.value] } ?? "")
        return hasher.finalize()
    }

    /// The brief taken from the build cache, when nothing it was made from changed.
    func reused(_ facts: BriefFacts) -> RenderOutcome? {
        let path = facts.sourcePath
        let contentHash = decoded[path]?.contentHash ?? 0
        let key = renderKey(facts, contentHash: contentHash)
        guard let record = reusable(path, key: key, contentHash: contentHash) else { return nil }
        cache?.countRenderHit()
        return RenderOutcome(record: record, renderKey: key, files: [], reused: true)
    }

    /// Renders the brief (and writes its files).
    func render(_ facts: BriefFacts) throws -> RenderOutcome {
        let path = facts.sourcePath
        let contentHash = decoded[path]?.contentHash ?? 0
        let key = renderKey(facts, contentHash: contentHash)
        guard let brief = store.take(path) ?? decodeAgain(path) else {
            // The file decoded a moment ago but not now: it changed during the build.
            let problem = Diagnostic(FileProblem.unreadable(reason: "it changed while the site was being built; build again"),
                                     at: SourceLocation(path: path, line: 1, column: 1))
            let entry = BriefSummaryView(url: "briefs/\(facts.slug)/", title: facts.slug, subtitle: nil, authors: "",
                                         date: DateView(iso: "", display: ""), summary: nil, lang: nil, seriesLine: nil,
                                         isDraft: facts.isDraft)
            return RenderOutcome(
                record: RenderRecord(slug: facts.slug, links: [], ids: PageIDs([]), homeEntry: entry, sitemapXML: [], feed: nil,
                                     files: [], dependencies: [], diagnostics: [problem]),
                renderKey: key, files: [], reused: false)
        }
        let rendered = renderer.render(brief)
        var files: [OutputFileRecord] = []
        for file in rendered.files {
            files.append(try transaction?.put(file) ?? OutputFileRecord(path: file.path, fingerprint: OutputTransaction.fingerprint(file)))
        }
        var pdfJob: (PrintJob, String)?
        if let pdfStage, let job = rendered.printJob {
            let key = pdfStage.cacheKey(for: job)
            files.append(OutputFileRecord(path: job.outputPath, fingerprint: "pdf-" + key))
            pdfJob = (job, key)
        }
        let entry = rendered.feedEntry
        let feed = facts.isDraft ? nil : entry.map {
            FeedParts(atom: .text($0.atomXML), json: .text($0.jsonItem), modified: $0.modified)
        }
        let record = RenderRecord(
            slug: facts.slug, links: rendered.links, ids: PageIDs(rendered.ids),
            homeEntry: rendered.homeEntry ?? BriefSummaryView(
                url: "briefs/\(facts.slug)/", title: facts.slug, subtitle: nil, authors: "", date: DateView(iso: "", display: ""),
                summary: nil, lang: nil, seriesLine: nil, isDraft: facts.isDraft),
            sitemapXML: facts.isDraft ? [] : entry?.sitemapXML ?? [], feed: feed, files: files,
            dependencies: rendered.dependencies, diagnostics: rendered.diagnostics,
            printJob: options.pdfOnDemand ? rendered.printJob : nil)
        return RenderOutcome(record: record, renderKey: key, files: options.keepsFiles ? rendered.files : [], reused: false,
                             pdfJob: pdfJob)
    }

    /// The cached record of the brief at `path`, when nothing it was made from changed and the
    /// output still holds its files.
    private func reusable(_ path: String, key: UInt64, contentHash: UInt64) -> RenderRecord? {
        guard let cache, let entry = cache.entry(path), entry.decodeKey == decodeKey, entry.contentHash == contentHash,
              entry.renderKey == key, let record = entry.render else { return nil }
        guard record.dependencies.allSatisfy({ FileStamp.of($0.path) == $0.stamp }) else { return nil }
        if options.pdfOnDemand, record.printJob == nil { return nil }
        // Entries copied from the previous feeds need those feeds as they were written.
        if let feed = record.feed, transaction != nil, feed.pointsIntoPreviousFeeds,
           previousFeeds?.contains(feed) != true { return nil }
        if let transaction {
            guard let folder = record.folder, transaction.keep(record.files, folder: folder) else { return nil }
        }
        return record
    }

    private func decodeAgain(_ path: String) -> Brief? {
        guard let file = decoded[path]?.file, case .success(let bytes) = file.read(),
              case .success(let text) = SourceText.decode(bytes, path: path) else { return nil }
        return BriefDecoder.decode(text: text, path: path, slug: file.slug, site: site).0
    }
}

/// The site-wide results, folded together from the briefs in feed order.
struct SiteAssembly {
    var homeEntries: [(facts: BriefFacts, entry: BriefSummaryView)] = []
    var sitemap: [[UInt8]] = []
    var linkPages: [InternalLinkChecker.Page] = []
    var externalLinks: [BriefLink] = []
    var diagnostics: [Diagnostic] = []
    /// Rendered files, when the report keeps them.
    var files: [OutputFile] = []
    /// Feed entries as text, when the report keeps files.
    var feedParts: [FeedParts] = []
    /// Print HTML of every brief, for PDFs made on demand (the preview).
    var printJobs: [PrintJob] = []
    var pdfJobs: [(job: PrintJob, key: String)] = []
    /// Records for the build cache, stored once the output is in place.
    var cacheRecords: [(path: String, key: UInt64, record: RenderRecord, reused: Bool)] = []
    var reused = 0
    var reusedPDFs = 0

    /// Room for `count` briefs, so that a large site's collections are not copied while growing.
    init(capacity count: Int = 0) {
        homeEntries.reserveCapacity(count)
        sitemap.reserveCapacity(count)
        linkPages.reserveCapacity(count)
        cacheRecords.reserveCapacity(count)
    }

    mutating func add(_ outcome: RenderOutcome, written record: RenderRecord, facts: BriefFacts, keepFiles: Bool) {
        homeEntries.append((facts, record.homeEntry))
        if !record.sitemapXML.isEmpty { sitemap.append(record.sitemapXML) }
        linkPages.append(InternalLinkChecker.Page(slug: record.slug, isDraft: facts.isDraft, ids: record.ids,
                                                  links: record.links, files: record.files,
                                                  checked: outcome.reused ? record.linkCheck : nil))
        for link in record.links where InternalLinkChecker.isExternal(link.destination) { externalLinks.append(link) }
        diagnostics += record.diagnostics
        if keepFiles {
            files += outcome.files
            if let feed = outcome.record.feed { feedParts.append(feed) }
        }
        if let job = record.printJob { printJobs.append(job) }
        if let pdfJob = outcome.pdfJob { pdfJobs.append(pdfJob) }
        if outcome.reused {
            reused += 1
            if record.files.contains(where: { $0.fingerprint.utf8.starts(with: "pdf-".utf8) }) { reusedPDFs += 1 }
        }
        cacheRecords.append((facts.sourcePath, outcome.renderKey, record, outcome.reused))
    }
}
