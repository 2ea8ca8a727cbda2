import BriefsCore
import Foundation

/// A brief file found in `content/briefs/`, before it is read.
struct BriefFile: Sendable {
    /// Site-relative path, e.g. `content/briefs/housing.md`.
    var path: String
    var slug: String
    /// Absolute path, for reading.
    var fullPath: String
    /// Size and modification time when found, so an unchanged file need not be read again.
    var stamp: FileStamp

    /// The file's bytes, or a diagnostic an editor understands.
    func read() -> Result<[UInt8], Diagnostic> {
        let descriptor = open(fullPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(unreadable) }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: stamp.size)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let result = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if result < 0, errno == EINTR { continue }
            guard result >= 0 else { return .failure(unreadable) }
            if result == 0 { break }
            count += result
            // A file that grew past the limit while being read is refused like a large one.
            if count > SourceText.maximumBytes { break }
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    private var unreadable: Diagnostic {
        Diagnostic(FileProblem.unreadable(reason: "it is not a readable file (a broken link, or no permission)"),
                   at: SourceLocation(path: path, line: 1, column: 1))
    }
}

enum SiteLoader {
    static let configPath = "content/site.yaml"
    static let briefsFolder = "content/briefs"

    /// The text of site.yaml, or why there is none.
    static func readConfig(root: URL) -> (text: String?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(configPath).path) else {
            return (nil, [Diagnostic(FileProblem.siteFileMissing(path: configPath))])
        }
        switch SourceText.decode(Array(data), path: configPath) {
        case .success(let text): return (text, [])
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// Every `.md` file below `content/briefs/`, sorted by path, so runs are repeatable (the
    /// briefs themselves are read later, in parallel, and only when changed); too large ones,
    /// and an empty folder of a site that has its site.yaml (`configFound`), reported.
    static func findBriefs(root: URL, configFound: Bool) -> (briefs: [BriefFile], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let folder = root.appendingPathComponent(briefsFolder, isDirectory: true).standardizedFileURL.path
        var briefs: [BriefFile] = []
        let found = markdownFiles(in: URL(fileURLWithPath: folder))
        for (relative, stamp) in found {
            let path = briefsFolder + "/" + relative
            // The file name without ".md" (or ".MD"), on bytes: both are ASCII.
            let name = relative.utf8.lastIndex(of: UInt8(ascii: "/")).map { relative.utf8[relative.utf8.index(after: $0)...] }
                ?? relative.utf8[...]
            let slug = String(Substring(name.dropLast(3)))
            // Look at the size first: a 1 GB file must not be read to learn that it is too large.
            if stamp.size > SourceText.maximumBytes {
                diagnostics.append(Diagnostic(FileProblem.tooLarge(bytes: stamp.size, limit: SourceText.maximumBytes),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            briefs.append(BriefFile(path: path, slug: slug, fullPath: folder + "/" + relative, stamp: stamp))
        }
        if found.isEmpty, configFound {
            diagnostics.append(Diagnostic(FileProblem.noBriefs(folder: briefsFolder + "/")))
        }
        return (briefs, diagnostics)
    }

    /// Relative paths and stamps of `.md` files below `folder`, hidden files and editors' back-up
    /// and lock files skipped, sorted by path. A broken link named `x.md` is kept (and then
    /// reported as unreadable) rather than skipped.
    static func markdownFiles(in folder: URL) -> [(path: String, stamp: FileStamp)] {
        var result: [(path: String, stamp: FileStamp)] = []
        FileSystem.walk(folder.standardizedFileURL.path, skip: { name in
            // Byte checks: this runs per file.
            guard let first = name.utf8.first else { return true }
            return first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || name.utf8.last == UInt8(ascii: "~")
        }) { relative, name, info in
            if Self.isMarkdownName(name) { result.append((relative, FileStamp(info ?? stat()))) }
        }
        return result.sorted { $0.path < $1.path }
    }

    /// `x.md`, also `x.MD` (compared on bytes, without lower-casing the name).
    static func isMarkdownName(_ name: String) -> Bool {
        let bytes = Array(name.utf8.suffix(3))
        return bytes.count == 3 && bytes[0] == UInt8(ascii: ".") && bytes[1] | 0x20 == UInt8(ascii: "m")
            && bytes[2] | 0x20 == UInt8(ascii: "d")
    }
}
