import Foundation

/// Bytes of the build cache that entries point into: the cache file, mapped (not read: reading
/// 3 MB into fresh memory took 2-3 ms of a rebuild, mostly page faults, where mapping the cached
/// pages takes a few tenths), or a segment this process wrote.
///
/// The mapping is private and read-only. Builds never shorten the cache file below what they
/// read (they append, or write a new file and rename it over the old one), so the pages stay
/// valid while entries point into them.
final class CacheBytes: @unchecked Sendable {
    let buffer: UnsafeRawBufferPointer
    private let mapping: MappedFile?
    private let allocated: UnsafeMutableRawBufferPointer?

    /// The file at `path`, mapped; `nil` when it cannot be opened or mapped.
    init?(mapping path: String) {
        guard let file = MappedFile(path: path, populate: true) else { return nil }
        mapping = file
        allocated = nil
        buffer = file.bytes
    }

    /// A copy of `bytes`.
    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress, let to = copy.baseAddress { memcpy(to, from, source.count) }
        }
        allocated = copy
        mapping = nil
        buffer = UnsafeRawBufferPointer(rebasing: copy[..<bytes.count])
    }

    var count: Int { buffer.count }

    /// The mapped file's size, time and inode when it was mapped; `nil` for a copy.
    var fileStamp: FileStamp? { mapping?.stamp }

    func slice(_ range: Range<Int>) -> CacheSlice { CacheSlice(bytes: self, range: range) }

    deinit { allocated?.deallocate() }
}

/// A range of `CacheBytes`: an entry's encoded block, kept to be written back unchanged.
struct CacheSlice: Sendable {
    let bytes: CacheBytes
    let range: Range<Int>

    var count: Int { range.count }
    var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes.buffer[range]) }
}
