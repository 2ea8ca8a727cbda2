import Foundation

/// Asks the kernel to read files into its page cache ahead of the tasks that will read them.
///
/// On the machines this was measured on, a file nobody read for a few seconds is often no
/// longer cached (the host takes idle memory back), and a task that reads it waits for the disk,
/// about a tenth of a millisecond per brief file, with its core idle: decoding 5,000 briefs took
/// 220-250 ms with the files cached and 670-885 ms with them evicted (BENCHMARKS.md, ninth
/// round). `POSIX_FADV_WILLNEED` starts a file's reads and returns without waiting for them;
/// one thread of its own asks for the files in the order the tasks read them, and is soon far
/// ahead of them (about 10 µs per file when the disk has to be asked, 3 µs when the
/// file is cached already).
enum FilePrefetch {
    /// Fewer files than this are read as they come (a rebuild after an edit).
    static let minimumCount = 32

    /// Starts asking for `paths` (absolute) on a thread of its own and returns at once; `false`
    /// when there are too few to be worth a thread.
    @discardableResult
    static func start(_ paths: [String]) -> Bool {
        guard paths.count >= minimumCount else { return false }
        let thread = Thread { ask(paths) }
        thread.name = "briefpress prefetch"
        thread.start()
        return true
    }

    /// Asks for each of `paths` in turn; returns how many could be opened (a missing or
    /// unreadable file is left to the task that reads it, which reports it).
    @discardableResult
    static func ask(_ paths: [String]) -> Int {
        var asked = 0
        for path in paths {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            _ = posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_WILLNEED))
            close(descriptor)
            asked += 1
        }
        return asked
    }
}
