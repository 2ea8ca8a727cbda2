/// Writes `feed.xml` and `feed.json` entry by entry, in feed order, as the briefs come out of
/// the renderer: a 5,000-brief site has 100 MB of feed text, which is never held in memory.
/// Entries of briefs taken from the build cache are copied from the feeds the last build wrote.
struct FeedWriter {
    /// The feed files of the previous build, for `FeedParts.Part.previous`.
    struct Previous: Sendable {
        var atom: MappedFile
        var json: MappedFile

        func contains(_ parts: FeedParts) -> Bool {
            Self.fits(parts.atom, atom.count) && Self.fits(parts.json, json.count)
        }

        private static func fits(_ part: FeedParts.Part, _ size: Int) -> Bool {
            guard case .previous(let offset, let length) = part else { return true }
            return offset >= 0 && length >= 0 && offset + length <= size
        }
    }

    private let atom: StreamedFile?
    private let json: StreamedFile?
    private let previous: Previous?
    private var count = 0
    /// Where the last JSON Feed item ended in the previous feed, when it was copied from there.
    private var previousJSONEnd: Int?

    /// Feeds written into `atom` and `json`; `nil` files only count offsets (a check run).
    init(site: SiteFeeds, atom: StreamedFile?, json: StreamedFile?, previous: Previous?) throws {
        self.atom = atom
        self.json = json
        self.previous = previous
        try atom?.append(site.atomHead())
        try json?.append(site.jsonHead())
    }

    /// Appends one brief's entries; returns where they now stand, for the next build.
    mutating func append(_ parts: FeedParts) throws -> FeedParts {
        if count > 0 { try appendJSONSeparator(before: parts.json) }
        count += 1
        let atomPart = try write(parts.atom, to: atom, previous: previous?.atom)
        let jsonPart = try write(parts.json, to: json, previous: previous?.json)
        if case .previous(let start, let length) = parts.json { previousJSONEnd = start + length } else { previousJSONEnd = nil }
        return FeedParts(atom: atomPart, json: jsonPart, modified: parts.modified)
    }

    /// The separator between two JSON Feed items. Between two items that stood next to each
    /// other in the previous feed it is that feed's own bytes: copied with them, not compared
    /// with them (comparing touched a page of the old feed per item, a thousand page faults in
    /// a rebuild at 1,000 briefs). Only this writer wrote that feed (its places come from the
    /// build cache, with the file's stamp), and it puts nothing else between two items.
    private func appendJSONSeparator(before next: FeedParts.Part) throws {
        let length = SiteFeeds.jsonSeparator.utf8.count
        if let json, let previous = previous?.json, let end = previousJSONEnd, case .previous(let start, _) = next,
           start == end + length, start <= previous.count {
            try json.append(from: previous, offset: end, length: length)
        } else {
            try json?.append(SiteFeeds.jsonSeparator)
        }
    }

    private func write(_ part: FeedParts.Part, to file: StreamedFile?, previous: MappedFile?) throws -> FeedParts.Part {
        guard let file else { return part }
        let offset = file.size
        switch part {
        case .text(let bytes):
            try bytes.withUnsafeBytes { try file.append($0) }
        case .previous(let start, let length):
            guard let previous, start >= 0, start + length <= previous.count else {
                throw WriteError(description: "the previous feed changed while it was being copied")
            }
            try file.append(from: previous, offset: start, length: length)
        }
        return .previous(offset: offset, length: file.size - offset)
    }

    /// Ends both feeds (the transaction then finishes the files).
    func finish() throws {
        try atom?.append(SiteFeeds.atomTail)
        try json?.append(SiteFeeds.jsonTail)
    }
}
