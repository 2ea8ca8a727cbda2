import Foundation

/// A folder held open, so that paths are looked up relative to it: the kernel walks only the
/// relative path's names, and the folder is found wherever it was moved after it was opened
/// (a fresh output is looked at while it is moved into place). Closed when the last reference goes.
final class OpenFolder: Sendable {
    private let descriptor: Int32

    /// `path` opened as a folder; `isOpen` is `false` when it cannot be.
    init(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    }

    var isOpen: Bool { descriptor >= 0 }

    /// The stamp of `path` (relative; `""` is the folder itself), `nil` when it is not there.
    func stamp(of path: String) -> FileStamp? {
        guard descriptor >= 0 else { return nil }
        var info = stat()
        return fstatat(descriptor, path.isEmpty ? "." : path, &info, 0) == 0 ? FileStamp(info) : nil
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
