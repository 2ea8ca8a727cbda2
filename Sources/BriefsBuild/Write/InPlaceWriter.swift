import Foundation

/// Updates an output folder file by file, writing only files whose content changed since the
/// last build in this process and removing files the site no longer has. For the preview's
/// own folder, where a one-brief change must not rewrite thousands of files; releases keep
/// the atomic swap of `OutputWriter`.
struct InPlaceWriter {
    var target: URL
    var cache: BuildCache

    /// Returns how many files were written.
    func write(_ files: [OutputFile]) async throws -> Int {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: target.path) { await cache.forgetWritten() }
        // The first build of a session starts from an empty folder: files of an earlier session
        // (a brief deleted since) must not linger.
        if await !cache.hasWritten { try? fileManager.removeItem(at: target) }
        let (changed, removed) = await cache.changes(in: files)
        do {
            try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            try OutputWriter.put(changed, under: target, atomically: true)
            for path in removed { try? fileManager.removeItem(at: target.appendingPathComponent(path)) }
        } catch {
            // Whatever was half written is rewritten next time.
            await cache.forgetWritten()
            throw WriteError(description: "could not write \(target.path): \(error.localizedDescription)")
        }
        await cache.recordWritten(files)
        return changed.count
    }
}
