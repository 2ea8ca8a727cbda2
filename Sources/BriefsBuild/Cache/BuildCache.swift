import BriefsCore
import Foundation

/// What a build can reuse from earlier builds: for every brief file, what decoding it found (its
/// facts and problems) and what rendering it left (links, ids, home page entry, feed entries,
/// the fingerprints of its files). A brief whose file, `site.yaml`, theme and neighbours did not
/// change is neither decoded nor rendered again, and its files are left as they are.
///
/// The preview keeps one cache in memory between rebuilds; `briefpress build` and `check` keep
/// it in `.briefpress/build-cache` between runs. Keys hash the inputs (XXH64 of the file's
/// bytes, of `site.yaml`, of the theme), so a renamed-and-restored or touched file is still a
/// hit, and an edit is always a miss.
public final class BuildCache: @unchecked Sendable {
    /// Bump whenever decoding, rendering or this format changes what a build produces.
    static let formatVersion: UInt64 = 3

    struct Entry: Sendable {
        /// The file as last read; a file with the same stamp is not read again.
        var stamp: FileStamp
        var contentHash: UInt64
        /// Hash of everything decoding depended on besides the file (`site.yaml`, the version).
        var decodeKey: UInt64
        /// `nil` when the file did not decode into a brief.
        var facts: BriefFacts?
        var diagnostics: [Diagnostic]
        var renderKey: UInt64?
        var render: RenderRecord?
        /// The entry as it was read from disk, written back as is while it does not change.
        var encoded: ArraySlice<UInt8>?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// When the stamps were taken (wall clock). A file modified within a second before it may
    /// have changed again without changing its stamp, so its content is checked ("racy git").
    private(set) var recordedAt: Int = 0
    /// The feed files the `.previous` feed parts point into, as they were written.
    private(set) var feedFiles: FeedFileStamps?
    /// Keep feed texts in memory (the preview) instead of only their place in the written feeds.
    let keepsFeedText: Bool
    private var hits = (decode: 0, render: 0)
    /// Whether anything changed since the cache was loaded (else saving it is skipped).
    private var isDirty = false

    /// Briefs taken from the cache instead of decoded, and instead of rendered (for tests).
    public var decodeHits: Int { lock.withLock { hits.decode } }
    public var renderHits: Int { lock.withLock { hits.render } }

    /// An empty cache kept in memory (the preview's).
    public init() {
        keepsFeedText = true
    }

    private init(keepsFeedText: Bool) {
        self.keepsFeedText = keepsFeedText
    }

    func entry(_ path: String) -> Entry? { lock.withLock { entries[path] } }

    func store(_ path: String, _ entry: Entry) {
        var entry = entry
        entry.encoded = nil
        lock.withLock {
            entries[path] = entry
            isDirty = true
        }
    }

    func countDecodeHit() { lock.withLock { hits.decode += 1 } }
    func countRenderHit() { lock.withLock { hits.render += 1 } }

    /// Forgets files that no longer exist and records when this build took its stamps.
    func finishBuild(keeping paths: Set<String>, startedAt: Int, feeds: FeedFileStamps?) {
        lock.withLock {
            if entries.count != paths.count || !entries.keys.allSatisfy(paths.contains) {
                entries = entries.filter { paths.contains($0.key) }
                isDirty = true
            }
            // A build that changed nothing keeps the old time: the stamps are the old ones.
            if isDirty { recordedAt = startedAt }
            if feeds != feedFiles { isDirty = true }
            feedFiles = feeds
        }
    }

    /// Whether a file with this stamp may have been changed since the stamp was taken without
    /// the stamp showing it.
    func isRacy(_ stamp: FileStamp) -> Bool {
        stamp.modifiedSeconds >= lock.withLock { recordedAt } - 1
    }

    // MARK: - On disk

    private static let magic = Array("briefpress build cache\n".utf8)

    /// The cache saved at `url`, or an empty one when there is none or it cannot be read (a
    /// cache never stops a build).
    public static func load(from url: URL) -> BuildCache {
        let cache = BuildCache(keepsFeedText: false)
        guard let bytes = FileSystem.readBytes(url.path), bytes.starts(with: magic) else { return cache }
        var reader = BinaryReader(bytes, from: magic.count)
        do {
            guard try reader.readUInt64() == formatVersion else { return cache }
            cache.recordedAt = try reader.readInt()
            cache.feedFiles = try reader.readOptional { try FeedFileStamps(from: &$0) }
            let count = try reader.readInt()
            guard count >= 0 else { return BuildCache(keepsFeedText: false) }
            cache.entries.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.readString()
                // Each entry is its own block, so an unchanged one is written back without encoding it again.
                let block = try reader.readBlock()
                var entryReader = BinaryReader(bytes, range: block, path: path)
                var entry = try Entry(from: &entryReader)
                entry.encoded = bytes[block]
                cache.entries[path] = entry
            }
        } catch {
            return BuildCache(keepsFeedText: false)
        }
        return cache
    }

    /// Writes the cache to `url` (atomically: a half-written cache is never read), unless
    /// nothing in it changed since it was read from there.
    public func save(to url: URL) throws {
        guard lock.withLock({ isDirty }) || access(url.path, F_OK) != 0 else { return }
        var writer = BinaryWriter(capacity: 4 << 20)
        lock.withLock {
            writer.append(Self.magic[...])
            writer.write(BuildCache.formatVersion)
            writer.write(recordedAt)
            writer.write(feedFiles) { $0.write($1) }
            writer.write(entries.count)
            // In the dictionary's order: the file's order means nothing, and sorting cost more
            // than writing it.
            for (path, entry) in entries {
                writer.write(path)
                if let encoded = entry.encoded {
                    writer.write(encoded.count)
                    writer.append(encoded)
                } else {
                    var block = BinaryWriter(capacity: 4096)
                    block.path = path
                    block.write(entry)
                    writer.write(block.bytes.count)
                    writer.append(block.bytes[...])
                }
            }
        }
        let folder = url.deletingLastPathComponent().path
        try FileSystem.makeDirectories(folder)
        // A cache write that was killed left its temporary file; only builds write here.
        for (name, _) in FileSystem.abandoned(in: folder, prefix: "." + url.lastPathComponent + ".briefpress-") {
            unlink(folder + "/" + name)
        }
        let temporary = FileSystem.temporaryPath(for: url.path)
        try FileSystem.write(writer.bytes, to: temporary)
        try FileSystem.replace(url.path, with: temporary)
        lock.withLock { isDirty = false }
    }
}

/// The feed files as the build that recorded feed offsets wrote them.
struct FeedFileStamps: Sendable, Equatable {
    var output: String
    var atom: FileStamp
    var json: FileStamp
}

// MARK: - Binary form

extension BinaryWriter {
    mutating func write(_ stamp: FileStamp) {
        write(stamp.size)
        write(stamp.modifiedSeconds)
        write(stamp.modifiedNanoseconds)
        write(stamp.inode)
        write(stamp.isDirectory)
    }

    mutating func write(_ feeds: FeedFileStamps) {
        write(feeds.output)
        write(feeds.atom)
        write(feeds.json)
    }

    mutating func write(_ entry: BuildCache.Entry) {
        write(entry.stamp)
        write(entry.contentHash)
        write(entry.decodeKey)
        write(entry.facts) { $0.write($1) }
        write(entry.diagnostics) { $0.write($1) }
        // A render record is worth keeping only with its feed entries' places in the feeds.
        let render = entry.render.flatMap { record -> RenderRecord? in
            guard let feed = record.feed else { return record }
            guard case .previous = feed.atom, case .previous = feed.json else { return nil }
            return record
        }
        write(render == nil ? nil : entry.renderKey) { $0.write($1) }
        write(render) { $0.write($1) }
    }

    mutating func write(_ facts: BriefFacts) {
        write(facts.slug)
        write(facts.sourcePath)
        write(facts.isDraft)
        write(facts.language)
        write(facts.series)
        write(facts.date) { $0.write($1) }
        write(facts.updated) { $0.write($1) }
        write(facts.doi) { writer, doi in writer.write(doi) { $0.write($1) } }
        write(facts.translation) { writer, slug in writer.write(slug) { $0.write($1) } }
    }

    mutating func write(_ record: RenderRecord) {
        write(record.slug)
        write(record.links) { writer, link in
            writer.write(link.kind == .image)
            writer.write(link.destination)
            writer.write(link.location)
            writer.write(link.text)
        }
        write(record.ids)
        write(record.homeEntry)
        write(record.sitemapXML)
        write(record.feed) { writer, feed in
            for part in [feed.atom, feed.json] {
                if case .previous(let offset, let length) = part {
                    writer.write(offset)
                    writer.write(length)
                }
            }
            writer.write(feed.modified)
        }
        write(record.files) { writer, file in
            writer.write(file.path)
            writer.write(file.fingerprint)
        }
        write(record.dependencies) { writer, dependency in
            writer.write(dependency.path)
            writer.write(dependency.stamp) { $0.write($1) }
        }
        write(record.diagnostics) { $0.write($1) }
        write(record.folder) { $0.write($1) }
    }

    mutating func write(_ entry: BriefSummaryView) {
        write(entry.url)
        write(entry.title)
        write(entry.subtitle)
        write(entry.authors)
        write(entry.date.iso)
        write(entry.date.display)
        write(entry.summary)
        write(entry.lang)
        write(entry.seriesLine)
        write(entry.isDraft)
        write(entry.headingLevel)
        write(entry.draftLabel)
        write(entry.html)
    }
}

extension FileStamp {
    init(from reader: inout BinaryReader) throws {
        self.init(size: try reader.readInt(), modifiedSeconds: try reader.readInt(),
                  modifiedNanoseconds: try reader.readInt(), inode: try reader.readUInt64(), isDirectory: try reader.readBool())
    }
}

extension FeedFileStamps {
    init(from reader: inout BinaryReader) throws {
        self.init(output: try reader.readString(), atom: try FileStamp(from: &reader), json: try FileStamp(from: &reader))
    }
}

extension BuildCache.Entry {
    init(from reader: inout BinaryReader) throws {
        stamp = try FileStamp(from: &reader)
        contentHash = try reader.readUInt64()
        decodeKey = try reader.readUInt64()
        facts = try reader.readOptional { try BriefFacts(from: &$0) }
        diagnostics = try reader.readArray { try $0.readDiagnostic() }
        renderKey = try reader.readOptional { try $0.readUInt64() }
        render = try reader.readOptional { try RenderRecord(from: &$0) }
    }
}

extension BriefFacts {
    init(from reader: inout BinaryReader) throws {
        self.init(
            slug: try reader.readString(), sourcePath: try reader.readString(), isDraft: try reader.readBool(),
            language: try reader.readString(), series: try reader.readOptionalString(),
            date: try reader.readLocated { try $0.readDate() }, updated: try reader.readOptional { try $0.readDate() },
            doi: try reader.readOptional { try $0.readLocated { try $0.readString() } },
            translation: try reader.readOptional { try $0.readLocated { try $0.readString() } })
    }
}

extension RenderRecord {
    init(from reader: inout BinaryReader) throws {
        slug = try reader.readString()
        links = try reader.readArray { reader in
            BriefLink(kind: try reader.readBool() ? .image : .link, destination: try reader.readString(),
                      location: try reader.readLocation(), text: try reader.readString())
        }
        ids = try reader.readStrings()
        homeEntry = try BriefSummaryView.read(from: &reader)
        sitemapXML = try reader.readString()
        feed = try reader.readOptional { reader in
            let atom = FeedParts.Part.previous(offset: try reader.readInt(), length: try reader.readInt())
            let json = FeedParts.Part.previous(offset: try reader.readInt(), length: try reader.readInt())
            return FeedParts(atom: atom, json: json, modified: try reader.readDate())
        }
        files = try reader.readArray { OutputFileRecord(path: try $0.readString(), fingerprint: try $0.readString()) }
        dependencies = try reader.readArray { reader in
            FileDependency(path: try reader.readString(), stamp: try reader.readOptional { try FileStamp(from: &$0) })
        }
        diagnostics = try reader.readArray { try $0.readDiagnostic() }
        printJob = nil
        folder = try reader.readOptional { try FileStamp(from: &$0) }
    }
}

extension BriefSummaryView {
    static func read(from reader: inout BinaryReader) throws -> BriefSummaryView {
        BriefSummaryView(url: try reader.readString(), title: try reader.readString(), subtitle: try reader.readOptionalString(),
                         authors: try reader.readString(),
                         date: DateView(iso: try reader.readString(), display: try reader.readString()),
                         summary: try reader.readOptionalString(), lang: try reader.readOptionalString(),
                         seriesLine: try reader.readOptionalString(), isDraft: try reader.readBool(),
                         headingLevel: try reader.readInt(), draftLabel: try reader.readString(), html: try reader.readString())
    }
}
