import Foundation

/// Turns the bytes of a site file into text, or says in an editor's words why it cannot.
public enum SourceText {
    /// Largest brief or settings file read. The example brief is 7.5 KB; anything near this limit
    /// is a mistake (a pasted image, a wrong file), and refusing early bounds memory and time.
    public static let maximumBytes = 4 * 1_048_576

    /// Decodes UTF-8 (with or without BOM), rejecting empty, binary, oversized and mis-encoded files.
    /// Line endings are normalised to `\n` so positions are the same on every platform.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        if bytes.count > maximumBytes {
            return .failure(Diagnostic(FileProblem.tooLarge(bytes: bytes.count, limit: maximumBytes),
                                       at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if content.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(Diagnostic(FileProblem.empty, at: SourceLocation(path: path, line: 1, column: 1)))
        }
        // memchr first: the generic search cost more than the rest of this check.
        let hasNUL = content.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false
        }
        if hasNUL, let nul = content.firstIndex(of: 0) {
            return .failure(Diagnostic(FileProblem.binary, at: location(ofByte: nul, in: content, path: path)))
        }
        // One pass for valid text (nearly every file); the byte at fault is looked for only when it fails.
        guard let text = String(validating: content, as: UTF8.self) else {
            let bad = firstInvalidUTF8Byte(in: content) ?? content.startIndex
            return .failure(Diagnostic(FileProblem.notUTF8(byte: content[bad]),
                                       at: location(ofByte: bad, in: content, path: path)))
        }
        return .success(normalizeLineEndings(text))
    }

    static func normalizeLineEndings(_ text: String) -> String {
        var text = text
        // memchr, not a generic search: this runs over every file.
        guard text.withUTF8({ buffer in buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false }) else {
            return text
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Index of the first byte that starts an invalid UTF-8 sequence.
    static func firstInvalidUTF8Byte(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.endIndex { return index }
            for offset in 1..<max(1, length) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }

    /// Line and column (in scalars of the valid text before it) of a byte offset.
    static func location(ofByte offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var lineStart = bytes.startIndex
        for index in bytes.startIndex..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = bytes[lineStart..<offset]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}
