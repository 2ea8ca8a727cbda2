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
    static let formatVersion: UInt64 = 9

    /// What the cache knows of one file. The fields sit behind one reference: an entry is
    /// copied out of the cache for every brief, twice in a rebuild (decoding and rendering),
    /// and copying eight fields field by field cost some 70,000 reference counts at 1,000
    /// briefs. Changing a field (rare: a touched file, entries moved in the feeds) makes a new box.
    struct Entry: Sendable {
        struct Fields: Sendable {
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
            var encoded: CacheSlice?
        }

        private var box: Boxed<Fields>

        init(_ fields: Fields) { box = Boxed(fields) }

        init(stamp: FileStamp, contentHash: UInt64, decodeKey: UInt64, facts: BriefFacts?, diagnostics: [Diagnostic],
             renderKey: UInt64? = nil, render: RenderRecord? = nil, encoded: CacheSlice? = nil) {
            self.init(Fields(stamp: stamp, contentHash: contentHash, decodeKey: decodeKey, facts: facts,
                             diagnostics: diagnostics, renderKey: renderKey, render: render, encoded: encoded))
        }

        var fields: Fields {
            get { box.value }
            set { box = Boxed(newValue) }
        }

        var stamp: FileStamp {
            get { box.value.stamp }
            set { fields.stamp = newValue }
        }
        var contentHash: UInt64 {
            get { box.value.contentHash }
            set { fields.contentHash = newValue }
        }
        var decodeKey: UInt64 { box.value.decodeKey }
        var facts: BriefFacts? { box.value.facts }
        var diagnostics: [Diagnostic] { box.value.diagnostics }
        var renderKey: UInt64? {
            get { box.value.renderKey }
            set { fields.renderKey = newValue }
        }
        var render: RenderRecord? {
            get { box.value.render }
            set { fields.render = newValue }
        }
        var encoded: CacheSlice? {
            get { box.value.encoded }
            set { fields.encoded = newValue }
        }
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
    /// Entries dropped since the cache was loaded or saved (their briefs were deleted).
    private var removed: Set<String> = []
    /// The file this cache was read from or last written to, as it was then: a save appends
    /// to it while it is still exactly that (see `save(to:)`).
    private var file: JournalFile?

    struct JournalFile {
        var path: String
        var inode: UInt64
        /// Bytes of whole, intact segments (a damaged tail is not counted).
        var length: Int
        var segments: Int
        /// Bytes of the entries the segments hold that are still current.
        var liveBytes: Int
    }

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

    /// How many files the cache knows (for tests).
    public var entryCount: Int { lock.withLock { entries.count } }

    /// A reused brief's entries moved in the feeds: only their places change, so the entry's
    /// encoded bytes stay valid (the places are saved apart from it).
    func updateFeed(_ path: String, _ feed: FeedParts?) {
        lock.withLock {
            guard entries[path]?.render != nil else { return }
            entries[path]?.render?.feed = feed
            isDirty = true
        }
    }

    /// Stores what the link check found on a reused brief's page (it lives in the places table
    /// too, so the entry itself is not written again).
    func updateLinkCheck(_ path: String, _ memo: LinkCheckMemo?) {
        lock.withLock {
            guard entries[path]?.render != nil else { return }
            entries[path]?.render?.linkCheck = memo
            isDirty = true
        }
    }

    /// A file whose stamp was too recent to trust was read and had not changed: nothing in its
    /// entry changes, but the cache is saved with this build's time, after which the stamp counts.
    func noteVerified() { lock.withLock { isDirty = true } }

    func countDecodeHit() { lock.withLock { hits.decode += 1 } }
    func countRenderHit() { lock.withLock { hits.render += 1 } }

    /// Forgets files that no longer exist and records when this build took its stamps.
    func finishBuild(keeping paths: Set<String>, startedAt: Int, feeds: FeedFileStamps?) {
        lock.withLock {
            if entries.count != paths.count || !entries.keys.allSatisfy(paths.contains) {
                for path in entries.keys where !paths.contains(path) { removed.insert(path) }
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
    ///
    /// The file is a journal: the magic line, the format version, then segments. Each segment
    /// (its length, an XXH64 of its bytes, the bytes) holds the build's time and feed stamps,
    /// the entries it dropped, and the entries it changed; later segments win. A rebuild that
    /// changed a few briefs appends a few kilobytes instead of writing the whole cache again
    /// (that was a tenth of a one-brief rebuild at 1,000 briefs); when the dead entries outgrow
    /// the live ones the file is written anew as one segment. A segment that was cut off or
    /// damaged ends the reading: what came before it is used, and the next save starts afresh.
    public static func load(from url: URL) -> BuildCache {
        let cache = BuildCache(keepsFeedText: false)
        guard let bytes = CacheBytes(mapping: url.path), let mapped = bytes.fileStamp, bytes.buffer.starts(with: magic) else {
            return cache
        }
        var reader = BinaryReader(bytes, range: magic.count..<bytes.count, path: nil)
        guard (try? reader.readUInt64()) == formatVersion else { return cache }
        var length = reader.position
        var segments = 0
        // Where each path's last block is; only those are decoded.
        var blocks: [String: Range<Int>] = [:]
        // The feed places, at the end of the last segment (which lists them all).
        var placesReader: BinaryReader?
        while !reader.isAtEnd {
            // The first segment was written whole and renamed into place; appended ones may have
            // been cut off, and only their checksums are worth the time.
            guard let checksum = try? reader.readUInt64(), let segment = try? reader.readBlock(),
                  segments == 0 || XXH64.hash(UnsafeRawBufferPointer(rebasing: bytes.buffer[segment])) == checksum
            else { break }
            var segmentReader = BinaryReader(bytes, range: segment, path: nil)
            do {
                let recordedAt = try segmentReader.readInt()
                let feedFiles = try segmentReader.readOptional { try FeedFileStamps(from: &$0) }
                var segmentBlocks: [(String, Range<Int>)] = []
                let removedPaths = try segmentReader.readStrings()
                let count = try segmentReader.readInt()
                guard count >= 0 else { break }
                for _ in 0..<count { segmentBlocks.append((try segmentReader.readString(), try segmentReader.readBlock())) }
                cache.recordedAt = recordedAt
                cache.feedFiles = feedFiles
                for path in removedPaths { blocks[path] = nil }
                for (path, block) in segmentBlocks { blocks[path] = block }
                // Every segment lists all places: only the last one's are read.
                placesReader = segmentReader
            } catch {
                break
            }
            segments += 1
            length = reader.position
        }
        var readPlaces: [String: Place] = [:]
        if var reader = placesReader {
            guard let read = try? Self.readPlaces(&reader) else { return BuildCache(keepsFeedText: false) }
            readPlaces = read
        }
        // Decoding the entries (some twenty strings each) is most of the loading: on a large
        // site, two halves on two cores. The build waits for it while it lists the briefs.
        let blockList = Array(blocks)
        let places = readPlaces
        let decoded = Parallel.mapParts(count: blockList.count) { range in
            blockList[range].map { path, block in Self.decodeEntry(path: path, block: block, in: bytes, place: places[path]) }
        }
        cache.entries.reserveCapacity(blockList.count)
        var liveBytes = 0
        for ((path, block), entry) in zip(blockList, decoded.joined()) {
            guard let entry else { return BuildCache(keepsFeedText: false) }
            cache.entries[path] = entry
            liveBytes += Self.liveSize(path: path, entryBytes: block.count)
        }
        cache.file = JournalFile(path: url.path, inode: mapped.inode, length: length, segments: segments,
                                 liveBytes: liveBytes)
        return cache
    }

    /// One entry as stored at `block`, with its places in the feeds; `nil` when it is damaged.
    private static func decodeEntry(path: String, block: Range<Int>, in bytes: CacheBytes, place: Place?) -> Entry? {
        var entryReader = BinaryReader(bytes, range: block, path: path)
        guard var entry = try? Entry.Fields(from: &entryReader) else { return nil }
        // Written back as is while it does not change.
        entry.encoded = bytes.slice(block)
        // The record's places in the feeds and its link check live in the places table.
        if var render = entry.render?.fields {
            if let modified = render.feed?.modified {
                // A record is reusable only with its entries' places in the feeds.
                guard let place, let atom = place.atom, let json = place.json else {
                    entry.render = nil
                    entry.renderKey = nil
                    return Entry(entry)
                }
                render.feed = FeedParts(atom: atom, json: json, modified: modified)
            }
            render.linkCheck = place?.linkCheck
            entry.render = RenderRecord(render)
        }
        return Entry(entry)
    }

    /// Saves the cache to `url`, unless nothing in it changed since it was read from there:
    /// appends a segment with what changed when the file is still as this cache left it, or
    /// else writes the whole cache anew (atomically: a half-written file is never read).
    public func save(to url: URL) throws {
        guard lock.withLock({ isDirty }) || access(url.path, F_OK) != 0 else { return }
        let folder = url.deletingLastPathComponent().path
        try FileSystem.makeDirectories(folder)
        // A cache write that was killed left its temporary file; only builds write here.
        for (name, _) in FileSystem.abandoned(in: folder, prefix: "." + url.lastPathComponent + ".briefpress-") {
            unlink(folder + "/" + name)
        }
        if try lock.withLock({ try appendSegment(to: url.path) }) { return }
        var liveBytes = 0
        // The segment in pieces (its head, the entries encoded on two cores, the places),
        // written one after another and checksummed piece by piece: joined into one array, a
        // fresh build's 12 MB at 5,000 briefs were copied twice more and their pages faulted in.
        let pieces = lock.withLock { () -> [[UInt8]] in
            var head = BinaryWriter(capacity: 256)
            writeHeader(&head, removed: [])
            head.write(entries.count)
            // In the dictionary's order: the file's order means nothing, and sorting cost more
            // than writing it. Entries never saved are encoded on two cores when there are many
            // (a fresh build's save came after everything else, a twentieth of the build).
            let all = Array(entries)
            let encoded = Parallel.mapParts(count: all.count) { range -> (bytes: [UInt8], live: Int) in
                // About what an entry takes (2.4 KB for the generated briefs): one allocation.
                var writer = BinaryWriter(capacity: range.count * 3072)
                var scratch = BinaryWriter(capacity: 1 << 14)
                var live = 0
                for (path, entry) in all[range] {
                    writer.write(path)
                    let length = Self.writeBlock(of: entry, path: path, to: &writer, scratch: &scratch)
                    live += Self.liveSize(path: path, entryBytes: length)
                }
                return (writer.bytes, live)
            }
            var places = BinaryWriter(capacity: 64 + entries.count * 48)
            writePlaces(&places)
            liveBytes = encoded.reduce(0) { $0 + $1.live }
            return [head.bytes] + encoded.map(\.bytes) + [places.bytes]
        }
        // The file: its head, the frame's head (checksum and length of the whole segment), the pieces.
        var writer = BinaryWriter(capacity: 64)
        writer.append(Self.magic[...])
        writer.write(BuildCache.formatVersion)
        var checksum = XXH64()
        for piece in pieces { checksum.update(piece) }
        let segmentLength = pieces.reduce(0) { $0 + $1.count }
        Self.writeFrameHead(checksum: checksum.finalize(), length: segmentLength, to: &writer)
        let temporary = FileSystem.temporaryPath(for: url.path)
        try FileSystem.write([writer.bytes] + pieces, to: temporary)
        try FileSystem.replace(url.path, with: temporary)
        let inode = FileStamp.of(url.path)?.inode ?? 0
        lock.withLock {
            file = JournalFile(path: url.path, inode: inode, length: writer.bytes.count + segmentLength, segments: 1,
                               liveBytes: liveBytes)
            removed = []
            isDirty = false
        }
    }

    /// Appends what changed since the cache was read or saved as one segment, when the file at
    /// `path` is still exactly what this cache read or wrote and not mostly dead entries.
    /// `false`: the whole cache must be written instead. Called with the lock held.
    private func appendSegment(to path: String) throws -> Bool {
        guard var journal = file, journal.path == path, journal.segments < 64,
              let stamp = FileStamp.of(path), stamp.inode == journal.inode, stamp.size == journal.length else { return false }
        var segment = BinaryWriter(capacity: 1 << 16)
        writeHeader(&segment, removed: removed.sorted())
        let changed = entries.filter { $0.value.encoded == nil }
        segment.write(changed.count)
        var blocks: [(path: String, range: Range<Int>)] = []
        for (entryPath, entry) in changed {
            segment.write(entryPath)
            // The entry's bytes end the block (its length stands before them).
            let length = Self.writeBlock(of: entry, path: entryPath, to: &segment)
            blocks.append((entryPath, (segment.bytes.count - length)..<segment.bytes.count))
        }
        writePlaces(&segment)
        var framed = BinaryWriter(capacity: segment.bytes.count + 24)
        Self.writeFrameHead(of: segment.bytes, to: &framed)
        framed.append(segment.bytes[...])
        // Dead entries may make up at most a third of the file (they are read and checked,
        // though not decoded); a 1,000-brief site is written anew every twenty-odd rebuilds.
        guard journal.length + framed.bytes.count <= journal.liveBytes * 3 / 2 + (64 << 10) else { return false }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let written = framed.bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == framed.bytes.count else {
            // Cut off: the checksum makes the next load ignore the tail; cut it off here too.
            _ = ftruncate(descriptor, off_t(journal.length))
            return false
        }
        // The new blocks, framed: the entries' bytes sit after the frame's length and checksum.
        let offset = framed.bytes.count - segment.bytes.count
        let appended = CacheBytes(framed.bytes)
        for (entryPath, range) in blocks {
            entries[entryPath]?.encoded = appended.slice((range.lowerBound + offset)..<(range.upperBound + offset))
        }
        // Changed entries replace older blocks of about their size: the live bytes stay.
        journal.length += framed.bytes.count
        journal.segments += 1
        file = journal
        removed = []
        isDirty = false
        return true
    }

    /// The fields every segment starts with: the build's time and feed stamps, dropped entries.
    private func writeHeader(_ segment: inout BinaryWriter, removed: [String]) {
        segment.write(recordedAt)
        segment.write(feedFiles) { $0.write($1) }
        segment.write(removed)
    }

    /// What changes about a rendered brief without its record changing: where its entries
    /// stand in the feeds the cache's feed stamps describe (offset and length in the Atom feed
    /// and in the JSON Feed), and what the link check found on its page. Every segment lists
    /// them all, by path.
    private func writePlaces(_ segment: inout BinaryWriter) {
        let placed = entries.compactMap { path, entry -> (String, (Int, Int, Int, Int)?, LinkCheckMemo?)? in
            guard let render = entry.render else { return nil }
            var feed: (Int, Int, Int, Int)?
            if let parts = render.feed, case .previous(let atomOffset, let atomLength) = parts.atom,
               case .previous(let jsonOffset, let jsonLength) = parts.json {
                feed = (atomOffset, atomLength, jsonOffset, jsonLength)
            }
            guard feed != nil || render.linkCheck != nil else { return nil }
            return (path, feed, render.linkCheck)
        }
        segment.write(placed.count)
        for (path, feed, linkCheck) in placed {
            segment.write(path)
            segment.write(feed) { segment, feed in
                segment.write(feed.0)
                segment.write(feed.1)
                segment.write(feed.2)
                segment.write(feed.3)
            }
            segment.write(linkCheck) { segment, memo in
                segment.write(memo.targets)
                segment.write(memo.problems) { $0.write($1) }
            }
        }
    }

    struct Place {
        var atom: FeedParts.Part?
        var json: FeedParts.Part?
        var linkCheck: LinkCheckMemo?
    }

    private static func readPlaces(_ reader: inout BinaryReader) throws -> [String: Place] {
        let count = try reader.readInt()
        guard count >= 0 else { throw BinaryReader.Malformed() }
        var places: [String: Place] = [:]
        places.reserveCapacity(count)
        for _ in 0..<count {
            let path = try reader.readString()
            var place = Place()
            if try reader.readBool() {
                place.atom = .previous(offset: try reader.readInt(), length: try reader.readInt())
                place.json = .previous(offset: try reader.readInt(), length: try reader.readInt())
            }
            place.linkCheck = try reader.readOptional { reader in
                LinkCheckMemo(targets: try reader.readUInt64(), problems: try reader.readArray { try $0.readDiagnostic() })
            }
            places[path] = place
        }
        return places
    }

    /// An entry as a length-prefixed block: its bytes as read, or encoded now. Returns how many
    /// bytes the entry has (without the length in front). `scratch`: where a block is encoded
    /// before its length is known (emptied first, its memory kept for the next block).
    @discardableResult
    private static func writeBlock(of entry: Entry, path: String, to writer: inout BinaryWriter,
                                   scratch: inout BinaryWriter) -> Int {
        if let encoded = entry.encoded {
            writer.write(encoded.count)
            writer.append(encoded)
            return encoded.count
        }
        scratch.removeAll()
        scratch.path = path
        scratch.write(entry)
        writer.write(scratch.bytes.count)
        writer.append(scratch.bytes[...])
        return scratch.bytes.count
    }

    private static func writeBlock(of entry: Entry, path: String, to writer: inout BinaryWriter) -> Int {
        var scratch = BinaryWriter(capacity: 4096)
        return writeBlock(of: entry, path: path, to: &writer, scratch: &scratch)
    }

    /// What an entry counts towards the file's live bytes: its block, its path, their lengths.
    private static func liveSize(path: String, entryBytes: Int) -> Int { entryBytes + path.utf8.count + 4 }

    /// What stands in front of a segment: its checksum and length (the segment follows them).
    private static func writeFrameHead(of segment: [UInt8], to writer: inout BinaryWriter) {
        writeFrameHead(checksum: segment.withUnsafeBytes { XXH64.hash($0) }, length: segment.count, to: &writer)
    }

    private static func writeFrameHead(checksum: UInt64, length: Int, to writer: inout BinaryWriter) {
        writer.write(checksum)
        writer.write(length)
    }
}
