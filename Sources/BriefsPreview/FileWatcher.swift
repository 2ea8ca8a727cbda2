import Foundation

/// Notices changes below the site's `content/` and `themes/` folders: new, changed, deleted and
/// renamed files, and editors' atomic saves (write a temporary file, rename it over the
/// original). On Linux through inotify; elsewhere (or if inotify is unavailable) by comparing
/// snapshots of every file's size and modification time.
public struct FileWatcher: Sendable {
    public var folders: [URL]
    public var interval: Duration

    public init(folders: [URL], interval: Duration = .milliseconds(200)) {
        self.folders = folders
        self.interval = interval
    }

    struct Stamp: Equatable {
        var size: Int
        var modified: Date
    }

    /// Path → stamp of every file below the folders (hidden files and editor back-ups skipped).
    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey],
                options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in enumerator {
                let name = url.lastPathComponent
                if name.hasSuffix("~") || name.hasPrefix("#") || name.hasSuffix(".swp") { continue }
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                      values.isRegularFile == true else { continue }
                result[url.path] = Stamp(size: values.fileSize ?? 0, modified: values.contentModificationDate ?? .distantPast)
            }
        }
        return result
    }

    /// Calls `onChange` after each change, once the files have been quiet for one interval
    /// (an editor saving several files at once causes one rebuild). Runs until cancelled.
    public func run(onChange: @Sendable () async -> Void) async {
        #if canImport(Glibc)
        if let notifier = INotifyWatcher(folders: folders) {
            await notifier.run(quiet: .milliseconds(5), onChange: onChange)
            return
        }
        #endif
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            // Wait until the files stop changing.
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let settled = snapshot()
                if settled == current { break }
                current = settled
            }
            last = current
            await onChange()
        }
    }
}
