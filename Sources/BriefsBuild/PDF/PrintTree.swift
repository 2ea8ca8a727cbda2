import BriefsCore
import Foundation

/// A temporary folder laid out like the output (`assets/…`, `briefs/<slug>/…`) but made of
/// symbolic links to the theme's assets and the briefs' own files. WeasyPrint resolves the print
/// HTML's relative addresses (`../../assets/print.css`, an image) in it, so PDFs can be made
/// before an updated output is put in place, without copying the site.
struct PrintTree: Sendable {
    let root: URL

    /// Links `assets` (output path → source) and every job's files.
    static func make(assets: [String: URL], jobs: [PrintJob]) throws -> PrintTree {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("briefpress-print-\(getpid())-\(UInt64.random(in: 0...UInt64.max).hex16)", isDirectory: true)
        var files = assets
        for job in jobs {
            files.merge(job.files) { first, _ in first }
            try FileSystem.makeDirectories(root.appendingPathComponent("briefs/\(job.slug)").path)
        }
        for (path, source) in files {
            let destination = root.appendingPathComponent(path).path
            try FileSystem.makeDirectories((destination as NSString).deletingLastPathComponent)
            guard symlink(source.standardizedFileURL.path, destination) == 0 || errno == EEXIST else {
                throw WriteError(description: "could not prepare the print files in \(root.path): \(String(cString: strerror(errno)))")
            }
        }
        return PrintTree(root: root)
    }

    func base(for job: PrintJob) -> URL {
        root.appendingPathComponent("briefs/\(job.slug)", isDirectory: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
