import BriefsCore
import Foundation

/// A brief file as read from disk, before decoding.
struct BriefFile: Sendable {
    /// Site-relative path, e.g. `content/briefs/housing.md`.
    var path: String
    var slug: String
    var bytes: [UInt8]
    /// Size and modification time when read, so an unchanged file need not be read again.
    var stamp: FileStamp
}

/// What tells a changed file from an unchanged one without reading it.
struct FileStamp: Sendable, Equatable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
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
    /// `known`: files read by an earlier build in this process, reused when their stamp is unchanged.
    static func load(root: URL, known: [String: BriefFile] = [:]) -> SiteSource {
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
        for (relative, stamp) in found {
            let size = stamp.size
            let path = briefsFolder + "/" + relative
            let slug = String((relative.split(separator: "/").last ?? "").dropLast(3))  // ".md" or ".MD"
            if let previous = known[path], previous.stamp == stamp {
                briefs.append(previous)
                continue
            }
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
            briefs.append(BriefFile(path: path, slug: slug, bytes: Array(data), stamp: stamp))
        }
        if found.isEmpty, configText != nil {
            diagnostics.append(Diagnostic(FileProblem.noBriefs(folder: briefsFolder + "/")))
        }
        return SiteSource(configPath: configPath, configText: configText, briefs: briefs, diagnostics: diagnostics)
    }

    /// Relative paths and sizes of `.md` files below `folder`, hidden files and editor back-ups
    /// skipped, sorted by path. Walks with `opendir`/`stat` directly: Foundation's enumerator
    /// and resource values cost a tenth of a preview rebuild on a 1,000-brief site.
    static func markdownFiles(in folder: URL) -> [(path: String, stamp: FileStamp)] {
        var result: [(path: String, stamp: FileStamp)] = []
        walk(folder.standardizedFileURL.path, relative: "", into: &result, depth: 0)
        return result.sorted { $0.path < $1.path }
    }

    private static func walk(_ path: String, relative: String, into result: inout [(path: String, stamp: FileStamp)], depth: Int) {
        guard depth < 16, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") { continue }
            let full = path + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            // stat follows links: a link to a folder is walked, a broken link named x.md is kept
            // (and reported as unreadable) rather than skipped.
            if stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                walk(full, relative: relativePath, into: &result, depth: depth + 1)
            } else if name.lowercased().hasSuffix(".md") {
                result.append((relativePath, FileStamp(size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
                                                       modifiedNanoseconds: Int(info.st_mtim.tv_nsec))))
            }
        }
    }
}
