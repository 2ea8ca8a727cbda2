/// Escaping for HTML text and attribute values that briefpress writes itself (head metadata,
/// citations). Templates escape on their own; this is for markup built in Swift.
enum HTML {
    static func escape(_ text: String) -> String {
        // Works on UTF-8 bytes: every character to escape is ASCII, and most text has none.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 64)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `<meta name="…" content="…">`
    static func meta(name: String, _ content: String) -> String {
        "<meta name=\"\(escape(name))\" content=\"\(escape(content))\">"
    }

    /// `<meta property="…" content="…">` (Open Graph uses `property`).
    static func meta(property: String, _ content: String) -> String {
        "<meta property=\"\(escape(property))\" content=\"\(escape(content))\">"
    }
}
