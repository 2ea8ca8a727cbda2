import Foundation

/// What the spare files in `.briefpress/spare/` hold, as far as the last build knows: for each,
/// how many of its first bytes equal those of the published file of the same name, and, when
/// both are of the same size, how many of its last bytes (a feed whose changed entries kept
/// their slots, `SiteFeeds.padded`, differs from the one before only in between).
///
/// A build that streams a feed over its spare keeps the published feed's first bytes up to where
/// the new feed differs (`StreamedFile`); the published feed then becomes the spare. So after a
/// commit the spare (the feed before) and the published feed (the feed now) share exactly that
/// beginning, and the next build need not write it again over the spare: after a change to one
/// brief, only the feed from the first changed entry on is written, not all 20 MB.
///
/// The ledger is removed before a build writes the first byte into any spare, and written again
/// after its commit (or rollback) without the lines of the spares it wrote into, so a build that
/// is killed half way leaves none (and the next build writes everything). A build that writes
/// no spare (nothing changed) leaves it as it is.
/// Each line also names both files' size, modification time and inode: a file changed or
/// replaced in between makes its line void.
struct SpareLedger: Equatable {
    struct Line: Equatable {
        var spare: FileStamp
        var published: FileStamp
        var shared: Int
        /// Last bytes both share (only when both have the same size).
        var sharedEnd = 0
    }

    var lines: [String: Line] = [:]

    static let fileName = "shared-beginnings"

    /// The ledger of `folder`; lines it cannot read are left out.
    static func read(from folder: String) -> SpareLedger {
        guard let bytes = FileSystem.readBytes(folder + "/" + fileName) else { return SpareLedger() }
        return SpareLedger(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Removes the ledger of `folder` (before a spare in it is written into).
    static func remove(from folder: String) {
        unlink(folder + "/" + fileName)
    }

    init(lines: [String: Line] = [:]) {
        self.lines = lines
    }

    /// `name<TAB>spare stamp<TAB>published stamp<TAB>shared first bytes[<TAB>shared last bytes]`,
    /// a stamp being size, seconds, nanoseconds and inode separated by spaces.
    init(text: String) {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 || fields.count == 5, let spare = Self.stamp(fields[1]), let published = Self.stamp(fields[2]),
                  let shared = Int(fields[3]), shared >= 0, shared <= min(spare.size, published.size) else { continue }
            var sharedEnd = 0
            if fields.count == 5 {
                guard let end = Int(fields[4]), end >= 0, end <= spare.size, spare.size == published.size else { continue }
                sharedEnd = end
            }
            lines[String(fields[0])] = Line(spare: spare, published: published, shared: shared, sharedEnd: sharedEnd)
        }
    }

    var text: String {
        lines.sorted { $0.key < $1.key }.map { name, line in
            "\(name)\t\(Self.text(line.spare))\t\(Self.text(line.published))\t\(line.shared)"
                + (line.sharedEnd > 0 ? "\t\(line.sharedEnd)\n" : "\n")
        }.joined()
    }

    func write(to folder: String) throws {
        let path = folder + "/" + Self.fileName
        guard !lines.isEmpty else { return }
        let temporary = FileSystem.temporaryPath(for: path)
        try FileSystem.write(Array(text.utf8), to: temporary)
        try FileSystem.replace(path, with: temporary)
    }

    /// The line of `name`, when it names exactly these two files: how many first (and, for files
    /// of the same size, last) bytes of the spare stamped `spareStamp` equal those of `published`.
    /// `nil` when the line is missing or either file is not the one recorded. (A line with a
    /// shared end only names files of the same size: `init(text:)` and the build check that.)
    func line(_ name: String, spare spareStamp: FileStamp, published: FileStamp?) -> Line? {
        guard let line = lines[name], line.spare == spareStamp, line.published == published else { return nil }
        return line
    }

    private static func text(_ stamp: FileStamp) -> String {
        "\(stamp.size) \(stamp.modifiedSeconds) \(stamp.modifiedNanoseconds) \(stamp.inode)"
    }

    private static func stamp(_ field: Substring) -> FileStamp? {
        let parts = field.split(separator: " ")
        guard parts.count == 4, let size = Int(parts[0]), let seconds = Int(parts[1]), let nanoseconds = Int(parts[2]),
              let inode = UInt64(parts[3]), size >= 0 else { return nil }
        return FileStamp(size: size, modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds, inode: inode)
    }
}
