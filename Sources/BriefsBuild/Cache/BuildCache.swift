import BriefsCore
import Foundation

/// What one build can reuse from the previous build in the same process (the preview server):
/// decoded briefs whose file did not change, rendered briefs whose inputs did not change, and
/// what was last written where, so only changed files are written again.
///
/// Keys compare the inputs themselves (file bytes, site.yaml text, a theme fingerprint), not
/// hashes of them, so a stale page can never be served because two inputs collided.
public actor BuildCache {
    struct ParseEntry {
        var bytes: [UInt8]
        var siteText: String
        var parsed: Builder.ParsedBrief
    }

    struct RenderKey: Equatable {
        var bytes: [UInt8]
        var siteText: String
        var theme: Int
        var hasPDF: Bool
        var seriesHeadings: Bool
        var translationLanguage: String?
    }

    private var parsed: [String: ParseEntry] = [:]
    private var rendered: [String: (key: RenderKey, value: RenderedBrief)] = [:]
    /// Output path → fingerprint of what was written there last time.
    private var written: [String: Int] = [:]
    private var themeDigests: [Int: String] = [:]
    private var files: [String: BriefFile] = [:]
    public private(set) var parseHits = 0
    public private(set) var renderHits = 0

    public init() {}

    func parsedBrief(path: String, bytes: [UInt8], siteText: String) -> Builder.ParsedBrief? {
        guard let entry = parsed[path], entry.siteText == siteText, entry.bytes == bytes else { return nil }
        parseHits += 1
        return entry.parsed
    }

    func store(path: String, bytes: [UInt8], siteText: String, parsed value: Builder.ParsedBrief) {
        parsed[path] = ParseEntry(bytes: bytes, siteText: siteText, parsed: value)
    }

    func renderedBrief(slug: String, key: RenderKey) -> RenderedBrief? {
        guard let entry = rendered[slug], entry.key == key else { return nil }
        renderHits += 1
        return entry.value
    }

    func store(slug: String, key: RenderKey, rendered value: RenderedBrief) {
        rendered[slug] = (key, value)
    }

    /// The files whose content differs from what was last written (all of them the first time),
    /// and the paths written last time that this build no longer has.
    func changes(in files: [OutputFile]) -> (changed: [OutputFile], removed: [String]) {
        var next: [String: Int] = [:]
        var changed: [OutputFile] = []
        for file in files {
            let fingerprint = Self.fingerprint(file)
            next[file.path] = fingerprint
            if written[file.path] != fingerprint { changed.append(file) }
        }
        let removed = written.keys.filter { next[$0] == nil }.sorted()
        return (changed, removed)
    }

    func recordWritten(_ files: [OutputFile]) {
        written = Dictionary(files.map { ($0.path, Self.fingerprint($0)) }, uniquingKeysWith: { _, last in last })
    }

    func forgetWritten() { written = [:] }

    func themeDigest(for fingerprint: Int) -> String? { themeDigests[fingerprint] }

    /// The brief files as last read, by site-relative path.
    func knownFiles() -> [String: BriefFile] { files }

    func storeFiles(_ briefs: [BriefFile]) {
        files = Dictionary(briefs.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
    }

    func storeThemeDigest(_ digest: String, for fingerprint: Int) { themeDigests = [fingerprint: digest] }

    var hasWritten: Bool { !written.isEmpty }

    static func fingerprint(_ file: OutputFile) -> Int {
        var hasher = Hasher()
        switch file.content {
        case .bytes(let data): hasher.combine(data)
        case .copy(let url):
            hasher.combine(url.path)
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
            hasher.combine(values?.fileSize)
            hasher.combine(values?.contentModificationDate)
        }
        return hasher.finalize()
    }
}
