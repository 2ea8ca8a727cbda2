import Foundation
import Logging

/// What the build cache learns from a build: every brief's render record and link check, the
/// stamps of the folders the build wrote, the files that are gone; then it is saved.
struct CacheUpdate: Sendable {
    let cache: BuildCache?
    let records: [(path: String, key: UInt64, record: RenderRecord, reused: Bool)]
    /// One per record, in the same order.
    let linkChecks: [LinkCheckMemo?]
    let briefPaths: Set<String>
    let startedAt: Int
    /// Where the cache is saved; `nil` for one the caller keeps in memory (the preview's).
    let file: URL?
    let logger: Logger
    /// The output the build committed, and that folder open (a fresh output may be opened
    /// before it is moved there): its files' stamps are taken in it. `nil` when nothing was committed.
    var committed: (output: String, folder: OpenFolder)?
    /// Whether the build only checked (no output folder).
    var wroteNothing = false

    func run() {
        guard let cache else { return }
        // The folders of the briefs rendered in this run, as the build left them (on both
        // cores: after a full build these are thousands of `stat`s).
        var folderStamps: [FileStamp?]?
        if let committed {
            let folders = records.map { record in
                record.reused ? nil : record.record.files.first.map { FileSystem.folder(of: $0.path) }
            }
            folderStamps = OutputTransaction.stamps(of: folders, in: committed.folder)
        }
        // Records whose feed entries point into feeds that were not written stay out.
        // One record and one link check per brief, both in feed order.
        for (index, ((path, key, record, reused), linkCheck)) in zip(records, linkChecks).enumerated()
        where cache.keepsFeedText || committed != nil || (wroteNothing && !reused) {
            guard var entry = cache.entry(path) else { continue }
            // A reused brief changes at most where its entries stand in the feeds, and what the link check found.
            if reused, entry.renderKey == key {
                if entry.render?.feed != record.feed { cache.updateFeed(path, record.feed) }
                if entry.render?.linkCheck != linkCheck { cache.updateLinkCheck(path, linkCheck) }
                continue
            }
            var record = record
            record.linkCheck = linkCheck
            if let folderStamps, !reused { record.folder = folderStamps[index] }
            entry.renderKey = key
            entry.render = record
            cache.store(path, entry)
        }
        var feeds = cache.feedFiles
        if let committed {
            let atom = committed.folder.stamp(of: "feed.xml")
            let json = committed.folder.stamp(of: "feed.json")
            feeds = atom.flatMap { atom in json.map { FeedFileStamps(output: committed.output, atom: atom, json: $0) } }
        }
        cache.finishBuild(keeping: briefPaths, startedAt: startedAt, feeds: feeds)
        if let file {
            do {
                try cache.save(to: file)
            } catch {
                logger.warning("the build cache \(file.path) could not be written: \(error)")
            }
        }
    }
}
