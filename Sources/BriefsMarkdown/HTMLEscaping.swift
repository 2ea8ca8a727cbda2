/// The scheme check for destinations and the class of code blocks. Text and attribute
/// values are escaped as they are written: ``HTMLOutput/appendEscaped(_:)``.
enum HTMLEscaping {
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
