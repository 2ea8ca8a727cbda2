import BriefsCore
import Foundation

/// A file written in pieces, with its fingerprint computed on the way. Given the file it
/// replaces, it writes nothing while the new content equals the old (a rebuild of the feeds
/// after a small change rewrites them only from the first changed entry on, and not at all when
/// nothing changed). Small pieces are gathered in a buffer; runs of the old file are copied file
/// to file inside the kernel (`sendfile`) and neighbouring runs are joined into one copy, so a
/// 20 MB feed after a one-brief change costs a handful of system calls.
final class StreamedFile: @unchecked Sendable {
    let path: String
    let destination: String
    let final: String
    /// The file being replaced, while what was appended so far equals its beginning.
    private var baseline: MappedFile?
    private var descriptor: Int32 = -1
    private var hasher = XXH64()
    /// Bytes appended so far (written, buffered or waiting to be copied).
    private(set) var size = 0
    private var buffer: [UInt8] = []
    /// A run of a previous file still to be copied: `source[start..<end]`.
    private var pendingCopy: (source: MappedFile, start: Int, end: Int)?
    private static let bufferSize = 1 << 18
    /// How many of the destination's first bytes already equal the replaced file's (a spare
    /// whose beginning the last build left equal to the published file, `SpareLedger`): they
    /// are not written again.
    private var inPlace: Int
    /// How many first bytes the content shares with the replaced file: known once it diverges.
    private(set) var sharedWithBaseline = 0
    /// How many last bytes of `destination` equal the replaced file's (both of the same size;
    /// from `SpareLedger`): a tail of the replaced file's own bytes ending the content at their
    /// old places is not written again over them.
    private let sharedEnd: Int
    /// The replaced file, after the content diverged from it: the content may end with its
    /// bytes at their old places again (the entries after a changed one, in their slots).
    private var former: MappedFile?
    /// How many last bytes the content shares with the replaced file at the same places, both
    /// of the same size: known at `close`.
    private(set) var sharedEndWithBaseline = 0
    /// The replaced file's stamp.
    let baselineStamp: FileStamp?
    /// Whether anything was written to `destination`.
    private(set) var touchedDestination = false

    /// Whether `destination` is an existing file written over (and cut to size at the end)
    /// rather than a new one.
    private let overwrites: Bool
    /// Called once, before the first byte goes to `destination`.
    private let willWrite: (() -> Void)?

    /// `inPlace`: how many first bytes of `destination` (an existing file written over) equal
    /// those of `baseline`; `sharedEnd`: how many last bytes, when both have the same size.
    init(path: String, destination: String, final: String, baseline: MappedFile?, overwrites: Bool = false,
         inPlace: Int = 0, sharedEnd: Int = 0, willWrite: (() -> Void)? = nil) throws {
        self.path = path
        self.destination = destination
        self.final = final
        self.baseline = baseline
        baselineStamp = baseline?.stamp
        self.overwrites = overwrites
        self.inPlace = overwrites && baseline != nil ? inPlace : 0
        self.sharedEnd = overwrites && baseline != nil ? sharedEnd : 0
        self.willWrite = willWrite
        if baseline == nil { try openDestination() }
    }

    /// Whether the content is still the same as the replaced file's (so far).
    var matchesBaseline: Bool { baseline != nil }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        if let baseline {
            if size + bytes.count <= baseline.count,
               memcmp(baseline.bytes.baseAddress! + size, bytes.baseAddress!, bytes.count) == 0 {
                size += bytes.count
                return
            }
            try diverge()
        }
        // Bytes that continue the run being copied (a separator between two old entries) join it.
        if let pending = pendingCopy, pending.end + bytes.count <= pending.source.count,
           memcmp(pending.source.bytes.baseAddress! + pending.end, bytes.baseAddress!, bytes.count) == 0 {
            pendingCopy?.end += bytes.count
            size += bytes.count
            return
        }
        try flushCopy()
        hasher.update(bytes)
        buffer.append(contentsOf: bytes)
        size += bytes.count
        if buffer.count >= Self.bufferSize { try flushBuffer() }
    }

    func append(_ text: String) throws {
        var text = text
        try text.withUTF8 { try append(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes of `source`; free when they are the replaced file's own bytes at this offset.
    func append(from source: MappedFile, offset: Int, length: Int) throws {
        guard length > 0 else { return }
        if let baseline, baseline === source, offset == size {
            size += length
            return
        }
        if baseline != nil { try diverge() }
        if let pending = pendingCopy, pending.source === source, pending.end == offset {
            pendingCopy?.end += length
        } else {
            try flushCopy()
            try flushBuffer()
            pendingCopy = (source, offset, offset + length)
        }
        size += length
    }

    /// Closes the file. Returns its fingerprint, or `nil` when the content is exactly that of
    /// the replaced file (and nothing was written).
    func close() throws -> String? {
        if let baseline {
            if size == baseline.count { return nil }
            try diverge()
        }
        // Ends with the replaced file's own bytes at their old places, and as long as it: the
        // entries after a change kept their slots, and the destination's shared end stays.
        if let former, let pending = pendingCopy, pending.source === former, pending.end == size, size == former.count {
            sharedEndWithBaseline = pending.end - pending.start
            try flushCopy(destinationHoldsLast: sharedEnd)
        }
        try flushCopy()
        try flushBuffer()
        guard descriptor >= 0 else { return hasher.finalize().hex16 }
        if overwrites, ftruncate(descriptor, off_t(size)) != 0 { throw failure("could not finish writing") }
        let result = Glibc.close(descriptor)
        descriptor = -1
        guard result == 0 else { throw failure("could not finish writing") }
        return hasher.finalize().hex16
    }

    /// From here on the content differs: the equal beginning is copied from the old file.
    private func diverge() throws {
        guard let baseline else { return }
        self.baseline = nil
        former = baseline
        sharedWithBaseline = size
        try openDestination()
        if size > 0 { pendingCopy = (baseline, 0, size) } else { inPlace = 0 }
    }

    private func flushBuffer() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Copies the pending run. The fingerprint covers which bytes of which file were copied,
    /// not the bytes themselves (reading them would fault in every page of the old file).
    /// `destinationHoldsLast`: how many of the run's last bytes the destination holds already
    /// (the file is cut to size after).
    private func flushCopy(destinationHoldsLast: Int = 0) throws {
        guard let (source, start, runEnd) = pendingCopy else { return }
        pendingCopy = nil
        try flushBuffer()
        hasher.update(source.stamp.fingerprint)
        hasher.update(UInt64(start))
        hasher.update(UInt64(runEnd - start))
        var sourceOffset = start
        var end = runEnd
        if inPlace > 0 {
            // The first run, from the replaced file's start: what the destination holds already stays.
            sourceOffset = min(inPlace, end)
            inPlace = 0
            guard lseek(descriptor, off_t(sourceOffset), SEEK_SET) >= 0 else { throw failure("could not write") }
        }
        end = max(sourceOffset, end - destinationHoldsLast)
        while sourceOffset < end {
            let copied = sendfile(descriptor, source.descriptor, &sourceOffset, end - sourceOffset)
            if copied < 0, errno == EINTR { continue }
            if copied <= 0 {
                // Where the kernel cannot: through memory.
                try writeAll(UnsafeRawBufferPointer(rebasing: source.bytes[sourceOffset..<end]))
                return
            }
        }
    }

    private func openDestination() throws {
        willWrite?()
        descriptor = open(destination, O_WRONLY | O_CREAT | (overwrites ? 0 : O_TRUNC) | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("could not create") }
        touchedDestination = true
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        inPlace = 0
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written >= 0 else { throw failure("could not write") }
            offset += written
        }
    }

    private func failure(_ what: String) -> WriteError {
        WriteError(description: "\(what) \(destination): \(String(cString: strerror(errno)))")
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }
}
