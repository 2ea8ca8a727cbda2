#if canImport(Glibc)
import Glibc
import Foundation

/// Linux file-change notification (inotify) for the preview: a save is seen within about 20 ms
/// instead of a polling interval, which is what makes "saved → reloaded" feel immediate.
/// Watches every folder below the given ones, and folders created later.
final class INotifyWatcher: @unchecked Sendable {
    // @unchecked: the descriptor and the watch table are used only by the one task running `run`.
    private let descriptor: Int32
    private var watched: [Int32: String] = [:]

    init?(folders: [URL]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for folder in folders { addRecursively(folder.path) }
        guard !watched.isEmpty else {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    private func addRecursively(_ path: String) {
        let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_DELETE_SELF)
        let watch = inotify_add_watch(descriptor, path, mask)
        if watch >= 0 { watched[watch] = path }
        guard let children = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for child in children where !child.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let full = path + "/" + child
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
                addRecursively(full)
            }
        }
    }

    /// Reads pending events; returns whether any concerned a file a build reads.
    private func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = watched[watch] {
                    addRecursively(parent + "/" + name)
                }
                // Editors' temporary and back-up files change nothing a build reads.
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasPrefix("#") { continue }
                relevant = true
            }
        }
        return relevant
    }

    /// Calls `onChange` after changes, once no further event came for `quiet` (a save that
    /// writes several files causes one rebuild). Runs until cancelled.
    func run(quiet: Duration, onChange: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            guard drain() else {
                try? await Task.sleep(for: .milliseconds(5))
                continue
            }
            // Let the burst of events of one save settle.
            repeat {
                try? await Task.sleep(for: quiet)
            } while drain()
            await onChange()
        }
    }
}
#endif
