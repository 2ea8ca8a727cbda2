import Foundation

/// A file mapped into memory read-only: the previous build's feeds, which a rebuild compares
/// with and copies from without reading 20 MB into memory first. The mapping stays valid when
/// the file is replaced by a rename (the old file lives on until unmapped).
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let base: UnsafeMutableRawPointer?

    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else {
            base = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        base = mapped
        bytes = UnsafeRawBufferPointer(start: mapped, count: size)
    }

    var count: Int { bytes.count }

    deinit {
        if let base { munmap(base, bytes.count) }
    }
}
