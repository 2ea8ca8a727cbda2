import BriefsCore
import Foundation

/// What the site-wide checks and pages need of a decoded brief: the small part of a `Brief` that
/// other briefs, the validator and the home page look at. Kept for every brief (from the build
/// cache when the file did not change), while the full `Brief` lives only as long as it takes to
/// render it.
///
/// A class: the facts of every brief pass through a dozen collections in a build (decoded,
/// published, home page entries, cache records ...), and copying a struct of eleven strings
/// each time was some 80,000 reference counts a rebuild at 1,000 briefs.
final class BriefFacts: Sendable, Equatable {
    let slug: String
    let sourcePath: String
    let isDraft: Bool
    let language: String
    let series: String?
    let date: Located<BriefDate>
    let updated: BriefDate?
    let doi: Located<String>?
    let translation: Located<String>?

    /// The last change, for `updated` / `date_modified` in the feeds.
    var modified: BriefDate { updated ?? date.value }

    init(_ brief: Brief) {
        slug = brief.slug
        sourcePath = brief.sourcePath
        isDraft = brief.isDraft
        language = brief.language.value
        series = brief.series
        date = brief.date
        updated = brief.updated?.value
        doi = brief.doi
        translation = brief.translation
    }

    init(slug: String, sourcePath: String, isDraft: Bool, language: String, series: String?, date: Located<BriefDate>,
         updated: BriefDate?, doi: Located<String>?, translation: Located<String>?) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.isDraft = isDraft
        self.language = language
        self.series = series
        self.date = date
        self.updated = updated
        self.doi = doi
        self.translation = translation
    }

    static func == (lhs: BriefFacts, rhs: BriefFacts) -> Bool {
        lhs === rhs || (lhs.slug == rhs.slug && lhs.sourcePath == rhs.sourcePath && lhs.isDraft == rhs.isDraft
            && lhs.language == rhs.language && lhs.series == rhs.series && lhs.date == rhs.date && lhs.updated == rhs.updated
            && lhs.doi == rhs.doi && lhs.translation == rhs.translation)
    }

    /// Newest first, then by slug (reversed), as on the home page and in the feeds.
    static func feedOrder(_ lhs: BriefFacts, _ rhs: BriefFacts) -> Bool {
        (lhs.date.value, lhs.slug) > (rhs.date.value, rhs.slug)
    }

    /// `briefs` sorted by `feedOrder`, comparing small keys and moving indices rather than the facts.
    static func inFeedOrder(_ briefs: [BriefFacts]) -> [BriefFacts] {
        let keys = briefs.map { facts -> (Int, String) in
            let date = facts.date.value
            return (date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0), facts.slug)
        }
        return briefs.indices.sorted { keys[$0] > keys[$1] }.map { briefs[$0] }
    }
}

/// A file a rendered brief depends on besides its own text: an image or a linked file next to
/// it, or one that was looked for and is missing. A rendered brief is reused only while all of
/// them are as they were.
struct FileDependency: Sendable, Equatable {
    var path: String
    /// `nil`: the file did not exist.
    var stamp: FileStamp?

    static func current(_ path: String) -> FileDependency {
        FileDependency(path: path, stamp: FileStamp.of(path))
    }
}

/// What rendering one brief leaves for the rest of the build and for the next build: the links
/// and ids for the link check, its home page entry, its feed entries, and the files it wrote.
///
/// The fields sit behind one reference (like `BuildCache.Entry`): a record passes from the
/// cache through the outcome, the fold and the cache records of every brief, and copying a
/// dozen fields each time was 3 % of a rebuild's instructions. Changing a field makes a new box.
struct RenderRecord: Sendable {
    struct Fields: Sendable {
        var slug: String
        var links: [BriefLink]
        /// Every id on the page, for `#fragment` checks.
        var ids: PageIDs
        var homeEntry: BriefSummaryView
        /// `<url>` lines for the sitemap (empty for drafts), UTF-8.
        var sitemapXML: [UInt8]
        /// The Atom `<entry>` and JSON Feed item; `nil` for drafts, which stay out of feeds.
        var feed: FeedParts?
        /// Output path → fingerprint of every file of the brief (page, exports, images, PDF).
        var files: [OutputFileRecord]
        var dependencies: [FileDependency]
        var diagnostics: [Diagnostic]
        /// The print HTML, when this run rendered it (only kept in memory).
        var printJob: PrintJob?
        /// The brief's output folder as the build that wrote it left it (see `OutputTransaction.keep`).
        var folder: FileStamp?
        /// What the internal link check found on the page (kept in the cache's table of places,
        /// beside the feed places, and updated there without writing the record again).
        var linkCheck: LinkCheckMemo?
    }

    private var box: Boxed<Fields>

    init(_ fields: Fields) { box = Boxed(fields) }

    init(slug: String, links: [BriefLink], ids: PageIDs, homeEntry: BriefSummaryView, sitemapXML: [UInt8], feed: FeedParts?,
         files: [OutputFileRecord], dependencies: [FileDependency], diagnostics: [Diagnostic], printJob: PrintJob? = nil,
         folder: FileStamp? = nil, linkCheck: LinkCheckMemo? = nil) {
        self.init(Fields(slug: slug, links: links, ids: ids, homeEntry: homeEntry, sitemapXML: sitemapXML, feed: feed,
                         files: files, dependencies: dependencies, diagnostics: diagnostics, printJob: printJob,
                         folder: folder, linkCheck: linkCheck))
    }

    var fields: Fields {
        get { box.value }
        set { box = Boxed(newValue) }
    }

    var slug: String { box.value.slug }
    var links: [BriefLink] { box.value.links }
    var ids: PageIDs { box.value.ids }
    var homeEntry: BriefSummaryView { box.value.homeEntry }
    var sitemapXML: [UInt8] { box.value.sitemapXML }
    var files: [OutputFileRecord] { box.value.files }
    var dependencies: [FileDependency] { box.value.dependencies }
    var diagnostics: [Diagnostic] { box.value.diagnostics }
    var printJob: PrintJob? { box.value.printJob }
    var feed: FeedParts? {
        get { box.value.feed }
        set { fields.feed = newValue }
    }
    var folder: FileStamp? {
        get { box.value.folder }
        set { fields.folder = newValue }
    }
    var linkCheck: LinkCheckMemo? {
        get { box.value.linkCheck }
        set { fields.linkCheck = newValue }
    }
}

/// The problems the internal link check found on one page, and the fingerprint of everything
/// else the check looked at (`InternalLinkChecker.targets`): a rebuild that reuses the page
/// and finds the same fingerprint takes the problems as they are instead of checking again.
struct LinkCheckMemo: Sendable, Equatable {
    var targets: UInt64
    var problems: [Diagnostic]
}

/// A brief's entries in the two feeds: their text when just rendered, or where they stand in
/// the feed files the last build wrote (reused by copying those bytes).
struct FeedParts: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        /// UTF-8 (it only ever goes into the feed files).
        case text([UInt8])
        case previous(offset: Int, length: Int)
    }

    var atom: Part
    var json: Part
    /// `updated` / `date_modified`, the newest of which dates the feed itself.
    var modified: BriefDate

    var pointsIntoPreviousFeeds: Bool {
        if case .previous = atom { return true }
        if case .previous = json { return true }
        return false
    }
}

/// One file in the output and the fingerprint of what it holds.
struct OutputFileRecord: Sendable, Equatable {
    var path: String
    var fingerprint: String
}

/// What tells a changed file from an unchanged one without reading it.
struct FileStamp: Sendable, Equatable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64 = 0
    var isDirectory = false

    init(size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: UInt64 = 0, isDirectory: Bool = false) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
        self.isDirectory = isDirectory
    }

    init(_ info: stat) {
        self.init(size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
                  modifiedNanoseconds: Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino),
                  isDirectory: info.st_mode & S_IFMT == S_IFDIR)
    }

    /// The stamp as one number, for fingerprints.
    var fingerprint: UInt64 {
        var hasher = XXH64()
        for part in [UInt64(bitPattern: Int64(size)), UInt64(bitPattern: Int64(modifiedSeconds)),
                     UInt64(bitPattern: Int64(modifiedNanoseconds)), inode] {
            hasher.update(part)
        }
        return hasher.finalize()
    }

    /// The stamp of the file at `path`, or `nil` if there is none.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }
}
