import BriefsCore

/// A compact binary form for the build cache: lengths and numbers as LEB128 varints, strings as
/// UTF-8. Written and read field by field (no `Codable`, no JSON), because the cache of a
/// 1,000-brief site is read on every build and must cost a few milliseconds at most.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// The file the entry being written is about: locations in it are written without their path.
    var path: String?

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Empties the writer, keeping its memory.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func write(_ value: Int) {
        // Zig-zag, so small negative numbers stay short.
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func append(_ slice: CacheSlice) { bytes.append(contentsOf: slice.raw) }

    /// Text kept as UTF-8 bytes, written as a `String` is (so either can read it).
    mutating func write(utf8 value: [UInt8]) {
        write(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    mutating func write<Item>(_ items: [Item], _ each: (inout BinaryWriter, Item) -> Void) {
        write(items.count)
        for item in items { each(&self, item) }
    }

    mutating func write<Item>(_ item: Item?, _ body: (inout BinaryWriter, Item) -> Void) {
        write(item != nil)
        if let item { body(&self, item) }
    }
}

/// Reads what `BinaryWriter` wrote. Any inconsistency (a truncated or foreign file) throws, and
/// the build then simply starts without a cache.
struct BinaryReader {
    struct Malformed: Error {}

    /// What is read; `buffer` is its memory, valid while `source` lives.
    private let source: CacheBytes
    private let buffer: UnsafeRawBufferPointer
    private(set) var position = 0
    private let end: Int
    /// The file of the entry being read (see `BinaryWriter.path`).
    let path: String?

    /// A reader for `range` of `source` only.
    init(_ source: CacheBytes, range: Range<Int>, path: String?) {
        self.source = source
        buffer = source.buffer
        position = range.lowerBound
        end = min(range.upperBound, source.count)
        self.path = path
    }

    /// A reader of `slice` (of bytes another reader read).
    init(_ slice: CacheSlice, path: String?) {
        self.init(slice.bytes, range: slice.range, path: path)
    }

    /// A reader of the same bytes for `range` (from `readBlock`).
    func reader(for range: Range<Int>) -> BinaryReader {
        BinaryReader(source, range: range, path: path)
    }

    /// The bytes of `range`, without copying them.
    func slice(_ range: Range<Int>) -> CacheSlice { source.slice(range) }

    var isAtEnd: Bool { position == end }

    /// A length-prefixed block: its range, skipped over.
    mutating func readBlock() throws -> Range<Int> {
        let count = try readInt()
        guard count >= 0, count <= end - position else { throw Malformed() }
        defer { position += count }
        return position..<position + count
    }

    @inline(__always)
    mutating func readUInt64() throws -> UInt64 {
        // Most numbers (lengths, counts, booleans' neighbours) fit in one byte.
        if position < end, buffer[position] < 0x80 {
            defer { position += 1 }
            return UInt64(buffer[position])
        }
        return try readLongUInt64()
    }

    private mutating func readLongUInt64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw Malformed() }
            let byte = buffer[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readInt() throws -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func readBool() throws -> Bool {
        guard position < end, buffer[position] <= 1 else { throw Malformed() }
        defer { position += 1 }
        return buffer[position] == 1
    }

    /// A string's UTF-8 bytes as they are: text that goes into files as bytes is not checked
    /// and decoded again (a home page entry or sitemap line for each of a thousand briefs).
    mutating func readUTF8() throws -> [UInt8] {
        let count = try readInt()
        guard count >= 0, count <= end - position else { throw Malformed() }
        defer { position += count }
        return Array(UnsafeRawBufferPointer(rebasing: buffer[position..<position + count]))
    }

    mutating func readString() throws -> String {
        let count = try readInt()
        guard count >= 0, count <= end - position else { throw Malformed() }
        // Empty: the path of nearly every location (the entry's own file).
        guard count > 0 else { return "" }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[position..<position + count]), as: UTF8.self)
    }

    mutating func readOptionalString() throws -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readOptionalInt() throws -> Int? {
        try readBool() ? try readInt() : nil
    }

    mutating func readStrings() throws -> [String] {
        try readArray { try $0.readString() }
    }

    mutating func readArray<Item>(_ each: (inout BinaryReader) throws -> Item) throws -> [Item] {
        let count = try readInt()
        guard count >= 0, count <= end - position else { throw Malformed() }
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try each(&self)) }
        return items
    }

    mutating func readOptional<Item>(_ body: (inout BinaryReader) throws -> Item) throws -> Item? {
        try readBool() ? try body(&self) : nil
    }
}

// MARK: - Shared value types

extension BinaryWriter {
    mutating func write(_ location: SourceLocation) {
        // Nearly every location is in the entry's own file: an empty path stands for it.
        write(location.path == path ? "" : location.path)
        write(location.line)
        write(location.column)
    }

    mutating func write(_ date: BriefDate) {
        write(date.year)
        write(date.month)
        write(date.day)
    }

    mutating func write(_ diagnostic: Diagnostic) {
        write(diagnostic.id.rawValue)
        write(diagnostic.severity.rawValue)
        write(diagnostic.message)
        write(diagnostic.location) { $0.write($1) }
        write(diagnostic.length)
        write(diagnostic.label)
        write(diagnostic.notes)
    }

    mutating func write<Value>(_ located: Located<Value>, _ value: (inout BinaryWriter, Value) -> Void) {
        value(&self, located.value)
        write(located.location)
        write(located.length)
    }
}

extension BinaryReader {
    mutating func readLocation() throws -> SourceLocation {
        let written = try readString()
        return SourceLocation(path: written.isEmpty ? path ?? "" : written, line: try readInt(), column: try readInt())
    }

    mutating func readDate() throws -> BriefDate {
        BriefDate(year: try readInt(), month: try readOptionalInt(), day: try readOptionalInt())
    }

    mutating func readDiagnostic() throws -> Diagnostic {
        let id = DiagnosticID(try readString())
        guard let severity = Severity(rawValue: try readString()) else { throw Malformed() }
        return Diagnostic(id: id, severity: severity, message: try readString(),
                          location: try readOptional { try $0.readLocation() }, length: try readInt(),
                          label: try readOptionalString(), notes: try readStrings())
    }

    mutating func readLocated<Value>(_ value: (inout BinaryReader) throws -> Value) throws -> Located<Value> {
        let inner = try value(&self)
        return Located(inner, at: try readLocation(), length: try readInt())
    }
}
