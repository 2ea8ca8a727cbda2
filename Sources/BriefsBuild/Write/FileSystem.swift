import Foundation

/// The few file operations the loaders and writers need, as direct system calls. Foundation's
/// `Data.write(to:)` calls `fsync` after every file and `FileManager` creates folders through
/// several `stat`s; for the thousands of small files of a build that was a fifth of its time.
/// Output files are derived data: after a crash the next build writes them again, so they are
/// not synced one by one.
enum FileSystem {
    /// Writes `bytes` to `path`, replacing what is there.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("could not create", path) }
        try writeAll(bytes, to: descriptor, path: path)
        guard close(descriptor) == 0 else { throw failure("could not finish writing", path) }
    }

    /// Writes `pieces` one after another to `path`, replacing what is there.
    static func write(_ pieces: [[UInt8]], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("could not create", path) }
        for piece in pieces {
            try piece.withUnsafeBytes { try writeAll($0, to: descriptor, path: path) }
        }
        guard close(descriptor) == 0 else { throw failure("could not finish writing", path) }
    }

    /// Writes all of `bytes` to the open file; closes it when that fails.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure("could not write", path)
                close(descriptor)
                throw error
            }
            offset += written
        }
    }

    static func write(_ data: Data, to path: String) throws {
        try data.withUnsafeBytes { try write($0, to: path) }
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    /// Writes `data` next to `path` under a temporary name and renames it into place, so a
    /// reader (a web server, the preview) sees the old file or the new one, never half of one.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let temporary = temporaryPath(for: path)
        do {
            try write(data, to: temporary)
            try rename(temporary, to: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Calls `visit` for every entry below the folder `path` that is not a folder itself, with its
    /// path relative to `path`, its name, and its `stat` (links followed; `nil` when that fails,
    /// say for a broken link). Folders are walked, 16 levels deep at most; names `skip` accepts
    /// are left out, folders included. `opendir` and `fstatat` relative to the open folder:
    /// Foundation's enumerator with resource values cost a tenth of a preview rebuild on a
    /// 1,000-brief site, and the kernel need not walk the whole path again for every file.
    static func walk(_ path: String, skip: (String) -> Bool, visit: (_ relative: String, _ name: String, _ info: stat?) -> Void) {
        func walk(_ path: String, relative: String, depth: Int) {
            guard depth < 16, let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = Self.name(of: entry)
                if name == "." || name == ".." || skip(name) { continue }
                let relativePath = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard fstatat(dirfd(directory), name, &info, 0) == 0 else {
                    visit(relativePath, name, nil)
                    continue
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(path + "/" + name, relative: relativePath, depth: depth + 1)
                } else {
                    visit(relativePath, name, info)
                }
            }
        }
        walk(path, relative: "", depth: 0)
    }

    /// The folder part of a relative path: `briefs/x` for `briefs/x/index.html`, `` for `feed.xml`.
    /// (On bytes: bridging to `NSString` for this cost microseconds per brief.)
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The name of a folder entry `readdir` returned.
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
        }
    }

    /// Whether the process `pid` is running (one we may not signal counts as running).
    static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// The entries of the folder `path` named `prefix<pid>` whose process has ended: what a
    /// killed build left (temporary files and folders carry the process id of their build).
    static func abandoned(in path: String, prefix: String) -> [(name: String, pid: Int32)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var found: [(String, Int32)] = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid(),
                  !isRunning(pid) else { continue }
            found.append((name, pid))
        }
        return found
    }

    /// `path` with a name no other file has: `.index.html.briefpress-<pid>` beside it.
    static func temporaryPath(for path: String) -> String {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + "." + String(path[slash...]) + ".briefpress-\(getpid())"
    }

    static func rename(_ source: String, to destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else { throw failure("could not move into place", destination) }
    }

    /// Puts the new file `source` in place of `destination`, atomically like `rename`. Where the
    /// kernel can, the two names are swapped (`renameat2` with `RENAME_EXCHANGE`) and the old
    /// file, now under the temporary name, is deleted: ext4 forces out the data of a file that
    /// is renamed over an existing one (`auto_da_alloc`), which cost milliseconds per replaced
    /// file on every rebuild. Where swapping is not possible (no old file, another file
    /// system), a plain rename.
    static func replace(_ destination: String, with source: String) throws {
        if exchange(source, destination) {
            unlink(source)
            return
        }
        try rename(source, to: destination)
    }

    /// Swaps two existing names atomically (files or folders); `false` where the kernel or the
    /// file system cannot (then nothing happened).
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let exchange = renameExchange else { return false }
        return exchange(AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */) == 0
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's `Glibc` module does
    /// not declare it.
    private static let renameExchange: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }

    /// Copies a file (a theme asset, an image next to a brief).
    static func copy(_ source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure("could not read", source) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw failure("could not create", destination) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                let error = failure("could not read", source)
                close(output)
                throw error
            }
            if count == 0 { break }
            do {
                try buffer.withUnsafeBytes { all in
                    var offset = 0
                    while offset < count {
                        let written = Glibc.write(output, all.baseAddress! + offset, count - offset)
                        if written < 0, errno == EINTR { continue }
                        guard written >= 0 else { throw failure("could not write", destination) }
                        offset += written
                    }
                }
            } catch {
                close(output)
                throw error
            }
        }
        guard close(output) == 0 else { throw failure("could not finish writing", destination) }
    }

    /// The whole file at `path`, or `nil` when it cannot be read.
    static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return [] }
        var complete = false
        // Not zero-filled first: the file's bytes are the first thing written into it.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var count = 0
            while count < size {
                let result = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { break }
                count += result
            }
            complete = count == size
            initialized = count
        }
        return complete ? bytes : nil
    }

    /// Creates `path` and any missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.dropLast().lastIndex(of: "/"), slash > path.startIndex else {
            throw failure("could not create the folder", path)
        }
        try makeDirectories(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure("could not create the folder", path) }
    }

    private static func failure(_ what: String, _ path: String) -> WriteError {
        WriteError(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
