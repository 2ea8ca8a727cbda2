/// Escaping for text and attribute values, and the scheme check for destinations.
enum HTMLEscaping {
    /// Escapes `& < > "`, enough for text and for double-quoted attribute values.
    static func escape(_ text: String) -> String {
        // On the contiguous UTF-8 bytes: most text needs no escaping at all, and the scan over a
        // buffer is several times faster than over `String.UTF8View`.
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
                return nil
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in UnsafeBufferPointer(rebasing: bytes[first...]) {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
                case UInt8(ascii: "<"): result.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
                case UInt8(ascii: ">"): result.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
                case UInt8(ascii: "\""): result.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Schemes that run script when a link is followed or an image is loaded.
    private static let unsafeSchemes: [[UInt8]] = [Array("javascript".utf8), Array("vbscript".utf8), Array("data".utf8)]

    /// Whether a destination would run script, judged the way a browser's URL parser
    /// reads it: leading spaces and control characters are skipped, tabs and line
    /// breaks anywhere are ignored (`java&#9;script:` is still `javascript:`), case is ignored.
    /// On the UTF-8 bytes: the unsafe schemes are ASCII, so a scheme with any other character
    /// is never one of them.
    static func isUnsafe(destination: String) -> Bool {
        var scheme: [UInt8] = []
        var started = false
        for byte in destination.utf8 {
            if !started && byte <= 0x20 { continue }
            started = true
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if byte == UInt8(ascii: ":") { return unsafeSchemes.contains(scheme) }
            guard byte < 0x80 else { return false }
            scheme.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            // No scheme is this long; it is a path that happens to contain a colon later.
            if scheme.count > 32 { return false }
        }
        return false
    }

    /// The language class for a fenced code block: the info string's first word, reduced
    /// to characters that are safe and meaningful in a class name (`c++`, `objective-c`).
    static func languageClass(info: String) -> String? {
        guard let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first else { return nil }
        let kept = word.unicodeScalars.filter { scalar in
            (scalar.isASCII && scalar.properties.isAlphabetic)
                || ("0"..."9").contains(scalar)
                || "-_+.#".unicodeScalars.contains(scalar)
        }
        return kept.isEmpty ? nil : "language-" + String(String.UnicodeScalarView(kept))
    }
}
