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
    private static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// Whether a destination would run script, judged the way a browser's URL parser
    /// reads it: leading spaces and control characters are skipped, tabs and line
    /// breaks anywhere are ignored (`java&#9;script:` is still `javascript:`), case is ignored.
    static func isUnsafe(destination: String) -> Bool {
        var scheme = String.UnicodeScalarView()
        var started = false
        for scalar in destination.unicodeScalars {
            if !started && scalar.value <= 0x20 { continue }
            started = true
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scalar == ":" {
                return unsafeSchemes.contains(String(scheme).lowercased())
            }
            scheme.append(scalar)
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
