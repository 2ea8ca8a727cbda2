import BriefsBuild
import BriefsCore
import Foundation

/// A site folder in the temporary directory, written from a dictionary of files.
struct TestSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let themes = repository.appendingPathComponent("themes", isDirectory: true)
    static let today = BriefDate(year: 2026, month: 11, day: 25)

    static let siteYAML = """
        title: Forschung Migration
        baseURL: https://forschung-migration.example.org/
        lang: de
        series: Handlungsimpulse
        license: CC-BY-4.0
        affiliations:
          - id: tuc
            name: Technische Universität Chemnitz
            ror: https://ror.org/00a208s56
        imprint:
          publisher: Technische Universität Chemnitz
          place: Chemnitz
          contact: https://mytuc.org/ysmj

        """

    /// A minimal valid brief; `extra` lines are added to its front matter, `body` replaces the lede.
    static func brief(title: String = "Wohnen", doi: String = "10.59350/wohnen.1", extra: String = "",
                      body: String = "Die Einleitung.") -> String {
        """
        ---
        title: \(title)
        date: 2025-06-14
        doi: \(doi)
        authors:
          - name: Erika Muster
            affiliations: [tuc]
        recommendations:
          - title: Erstens
            text: Ein Absatz.
        \(extra)
        ---
        \(body)

        """
    }

    let root: URL

    init(files: [String: String], withSiteYAML: Bool = true) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("briefpress-test-\(UUID().uuidString)", isDirectory: true)
        var all = files
        if withSiteYAML, all["content/site.yaml"] == nil { all["content/site.yaml"] = Self.siteYAML }
        for (path, text) in all { try write(path, Data(text.utf8)) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/briefs"), withIntermediateDirectories: true)
    }

    /// A copy of the repository's own example site (`content/`).
    static func example() throws -> TestSite {
        let site = try TestSite(files: [:], withSiteYAML: false)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: repository.appendingPathComponent("content"), to: site.root.appendingPathComponent("content"))
        return site
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var output: URL { root.appendingPathComponent("output", isDirectory: true) }

    func run(write: Bool = true, drafts: Bool = false, strict: Bool = false, concurrency: Int = 2) async throws -> BuildReport {
        let options = BuildOptions(siteRoot: root, output: write ? output : nil, includeDrafts: drafts, strict: strict,
                                   today: Self.today, themeSearchPaths: [Self.themes], concurrency: concurrency)
        return try await Builder(options: options).run()
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Every file below `folder` (default: the output) by relative path, with its bytes.
    func files(in folder: URL? = nil) -> [String: Data] {
        let base = (folder ?? output).standardizedFileURL
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base.path.count + 1))
            result[path] = FileManager.default.contents(atPath: url.path)
        }
        return result
    }
}
