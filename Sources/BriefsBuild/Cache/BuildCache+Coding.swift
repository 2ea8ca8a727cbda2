import BriefsCore
import Foundation

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
            // Not the link text: it matters only while rendering (an empty one is warned about then).
        }
        write(record.ids.joined)
        write(record.homeEntry)
        write(utf8: record.sitemapXML)
        // Where the entries stand in the feeds is kept apart (see `BuildCache.writePlaces`): it
        // changes for every brief after a changed one, the entry itself does not.
        write(record.feed) { writer, feed in writer.write(feed.modified) }
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
        write(utf8: entry.html)
        write(entry.isDraft)
        // The details as a block of their own, read only when a template asks for them.
        if let encoded = entry.encodedDetails {
            write(encoded.count)
            append(encoded)
            return
        }
        var details = BinaryWriter(capacity: 512)
        details.path = path
        details.write(entry.details)
        write(details.bytes.count)
        append(details.bytes[...])
    }

    mutating func write(_ details: BriefSummaryView.Details) {
        write(details.url)
        write(details.title)
        write(details.subtitle)
        write(details.authors)
        write(details.date.iso)
        write(details.date.display)
        write(details.summary)
        write(details.lang)
        write(details.seriesLine)
        write(details.headingLevel)
        write(details.draftLabel)
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

extension BuildCache.Entry.Fields {
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
    convenience init(from reader: inout BinaryReader) throws {
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
        self.init(try Fields(from: &reader))
    }
}

extension RenderRecord.Fields {
    init(from reader: inout BinaryReader) throws {
        slug = try reader.readString()
        links = try reader.readArray { reader in
            BriefLink(kind: try reader.readBool() ? .image : .link, destination: try reader.readString(),
                      location: try reader.readLocation())
        }
        ids = PageIDs(joined: try reader.readString())
        homeEntry = try BriefSummaryView.read(from: &reader)
        sitemapXML = try reader.readUTF8()
        // The places in the feeds come from the segment's table (`BuildCache.load`).
        feed = try reader.readOptional { reader in
            FeedParts(atom: .previous(offset: 0, length: 0), json: .previous(offset: 0, length: 0), modified: try reader.readDate())
        }
        files = try reader.readArray { OutputFileRecord(path: try $0.readString(), fingerprint: try $0.readString()) }
        dependencies = try reader.readArray { reader in
            FileDependency(path: try reader.readString(), stamp: try reader.readOptional { try FileStamp(from: &$0) })
        }
        diagnostics = try reader.readArray { try $0.readDiagnostic() }
        printJob = nil
        folder = try reader.readOptional { try FileStamp(from: &$0) }
        linkCheck = nil
    }
}

extension BriefSummaryView {
    static func read(from reader: inout BinaryReader) throws -> BriefSummaryView {
        let html = try reader.readUTF8()
        let isDraft = try reader.readBool()
        let block = try reader.readBlock()
        // Only checked now (lengths within the block, no strings made); decoded when used.
        var check = reader.reader(for: block)
        try Details.skip(&check)
        guard check.isAtEnd else { throw BinaryReader.Malformed() }
        return BriefSummaryView(html: html, isDraft: isDraft, encodedDetails: reader.slice(block), path: reader.path)
    }
}

extension BriefSummaryView.Details {
    init(from reader: inout BinaryReader) throws {
        self.init(url: try reader.readString(), title: try reader.readString(), subtitle: try reader.readOptionalString(),
                  authors: try reader.readString(), date: DateView(iso: try reader.readString(), display: try reader.readString()),
                  summary: try reader.readOptionalString(), lang: try reader.readOptionalString(),
                  seriesLine: try reader.readOptionalString(), headingLevel: try reader.readInt(),
                  draftLabel: try reader.readString())
    }

    /// Reads over the details as `init(from:)` would, without making strings.
    static func skip(_ reader: inout BinaryReader) throws {
        for optional in [false, false, true, false, false, false, true, true, true] {
            if optional, !(try reader.readBool()) { continue }
            _ = try reader.readBlock()
        }
        _ = try reader.readInt()
        _ = try reader.readBlock()
    }
}
