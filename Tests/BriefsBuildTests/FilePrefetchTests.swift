@testable import BriefsBuild
import Foundation
import Testing

/// `FilePrefetch`, which asks the kernel for the brief files of a build ahead of the tasks that
/// decode them: it skips what it cannot open, changes no file, and starts no thread for a few.
@Suite("File prefetch")
struct FilePrefetchTests {
    @Test("asks for every file it can open, skips missing ones, and leaves the files as they were")
    func asks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prefetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for index in 0..<40 {
            let path = folder.appendingPathComponent("brief-\(index).md").path
            try Data("---\ntitle: Brief \(index)\n---\n".utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let missing = folder.appendingPathComponent("gone.md").path
        #expect(FilePrefetch.ask(paths + [missing]) == 40)
        for (index, path) in paths.enumerated() {
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "---\ntitle: Brief \(index)\n---\n")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test("a rebuild's few changed files are read as they come, without a thread")
    func fewFiles() {
        #expect(!FilePrefetch.start(Array(repeating: "/nonexistent/brief.md", count: FilePrefetch.minimumCount - 1)))
        #expect(FilePrefetch.start(Array(repeating: "/nonexistent/brief.md", count: FilePrefetch.minimumCount)))
    }
}
