import Foundation

/// The persistent memory of the external check (`.briefpress/linkcheck.json`): every verdict with
/// the time it was made, so a second run asks the network only about what has gone stale.
public struct LinkCache: Sendable, Codable, Equatable {
    /// One verdict and when it was made.
    public struct Entry: Sendable, Codable, Equatable {
        public var outcome: LinkOutcome
        public var checkedAt: Date
    }

    /// The file format; a file of another version is ignored (and rewritten).
    public var version = 1
    /// Verdicts by `LinkTarget.key`.
    public var entries: [String: Entry] = [:]

    public init() {}

    /// The entry for `key` when it is still fresh at `now`, else `nil`.
    public func freshEntry(_ key: String, now: Date, options: LinkCheckOptions) -> Entry? {
        guard let entry = entries[key] else { return nil }
        let maxAge = entry.outcome.isSuccess ? options.successMaxAge : options.failureMaxAge
        return now.timeIntervalSince(entry.checkedAt) < maxAge.seconds ? entry : nil
    }

    /// Reads the cache; a missing or unreadable file (say, from an older version) is an empty
    /// cache, because the worst outcome is checking links again.
    public static func load(from url: URL) -> LinkCache {
        guard let data = try? Data(contentsOf: url) else { return LinkCache() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let cache = try? decoder.decode(LinkCache.self, from: data), cache.version == 1 else { return LinkCache() }
        return cache
    }

    /// Writes the cache atomically, creating its folder.
    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
