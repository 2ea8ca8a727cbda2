import BriefsCore
import Foundation

/// A brief file as read from disk, before decoding.
struct BriefFile: Sendable {
    /// Site-relative path, e.g. `content/briefs/housing.md`.
    var path: String
    var slug: String
    var bytes: [UInt8]
}

/// Everything the build reads from the site folder: the only stage that reads content from disk.
struct SiteSource: Sendable {
    var configPath: String
    var configText: String?
    var briefs: [BriefFile]
    var diagnostics: [Diagnostic]
}

enum SiteLoader {
    static let configPath = "content/site.yaml"
    static let briefsFolder = "content/briefs"

    /// Reads site.yaml and every `.md` file below `content/briefs/` (sorted, so runs are repeatable).
    static func load(root: URL) -> SiteSource {
        var diagnostics: [Diagnostic] = []
        let configURL = root.appendingPathComponent(configPath)
        var configText: String?
        if let data = FileManager.default.contents(atPath: configURL.path) {
            switch SourceText.decode(Array(data), path: configPath) {
            case .success(let text): configText = text
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        } else {
            diagnostics.append(Diagnostic(FileProblem.siteFileMissing(path: configPath)))
        }
        let folder = root.appendingPathComponent(briefsFolder, isDirectory: true)
        var briefs: [BriefFile] = []
        let found = markdownFiles(in: folder)
        for (relative, size) in found {
            let path = briefsFolder + "/" + relative
            let slug = String((relative.split(separator: "/").last ?? "").dropLast(3))  // ".md" or ".MD"
            let url = folder.appendingPathComponent(relative)
            // Look at the size first: a 1 GB file must not be read to learn that it is too large.
            if size > SourceText.maximumBytes {
                diagnostics.append(Diagnostic(FileProblem.tooLarge(bytes: size, limit: SourceText.maximumBytes),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(Diagnostic(FileProblem.unreadable(reason: "it is not a readable file (a broken link, or no permission)"),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            briefs.append(BriefFile(path: path, slug: slug, bytes: Array(data)))
        }
        if found.isEmpty, configText != nil {
            diagnostics.append(Diagnostic(FileProblem.noBriefs(folder: briefsFolder + "/")))
        }
        return SiteSource(configPath: configPath, configText: configText, briefs: briefs, diagnostics: diagnostics)
    }

    /// Relative paths and sizes of `.md` files below `folder`, hidden files and editor back-ups
    /// skipped, sorted by path.
    static func markdownFiles(in folder: URL) -> [(path: String, size: Int)] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey, .fileSizeKey], options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        var result: [(path: String, size: Int)] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "md" {
            // Anything but a folder counts, so a broken link named x.md is reported, not skipped.
            let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .fileSizeKey])
            guard values?.isDirectory != true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base) else { continue }
            let name = url.lastPathComponent
            if name.hasPrefix("#") || name.hasSuffix("~") { continue }
            result.append((String(full.dropFirst(base.count)), values?.fileSize ?? 0))
        }
        return result.sorted { $0.path < $1.path }
    }
}
