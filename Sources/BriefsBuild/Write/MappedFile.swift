import Foundation

/// A file mapped into memory read-only: the previous build's feeds, which a rebuild compares
/// with and copies from without reading 20 MB into memory first. The mapping stays valid when
/// the file is replaced by a rename (the old file lives on until unmapped).
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    /// Kept open, so ranges can be copied file to file inside the kernel (`sendfile`).
    let descriptor: Int32
    /// Size, modification time and inode when mapped: what identifies this content.
    let stamp: FileStamp
    private let base: UnsafeMutableRawPointer?

    /// `populate`: map every page now (for a file that is read whole, at once).
    init?(path: String, populate: Bool = false) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            return nil
        }
        let size = Int(info.st_size)
        if size > 0 {
            guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), descriptor, 0),
                  mapped != MAP_FAILED else {
                close(descriptor)
                return nil
            }
            base = mapped
            bytes = UnsafeRawBufferPointer(start: mapped, count: size)
        } else {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        }
        self.descriptor = descriptor
        stamp = FileStamp(info)
    }

    var count: Int { bytes.count }

    deinit {
        if let base { munmap(base, bytes.count) }
        close(descriptor)
    }
}
