@testable import BriefsMarkdown
import Testing
import TestSupport

/// The renderer writes its HTML as bytes (`HTMLOutput`); these compare the byte appends with
/// plain references on generated text: escapes, ASCII, multi-byte characters and emoji at
/// every kind of position, and numbers of every length.
@Suite("HTML output bytes")
struct HTMLOutputTests {
    static let pieces = ["a", "Wort ", "ü", "€", "\u{1F600}", "\u{1F44D}\u{1F3FD}", "e\u{301}", "&", "<", ">", "\"",
                         "'", "\n", "\r\n", "\u{0}", " ", "?", "=", ";", "0123456", "ABCDEFGH", "&amp;", "\u{7F}"]

    static func texts() -> [String] { SplitMix64.texts(from: pieces, seed: 7) }

    /// The rules: `& < > "` escaped, `'` and everything else kept.
    static func reference(_ text: String) -> String { ReferenceEscaping.markup(text, apostrophe: false, xml: false) }

    @Test("escaped text matches the plain rules, after what is already written")
    func escaping() {
        for text in Self.texts() {
            var output = HTMLOutput()
            output.appendLiteral("<p>")
            output.appendEscaped(text)
            output.append(text)
            #expect(output.bytes == Array(("<p>" + Self.reference(text) + text).utf8), "\(Array(text.utf8))")
        }
    }

    @Test("every ASCII character, at every position, escapes as the plain rules say")
    func everyCharacter() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for position in 0..<10 {
                for text in [String(repeating: "a", count: position) + character + "bcdefghij",
                             String(repeating: "ü", count: position) + character + "\u{1F600}"] {
                    var output = HTMLOutput()
                    output.appendEscaped(text)
                    #expect(output.text == Self.reference(text), "byte \(value) at \(position) in \(text)")
                }
            }
        }
    }

    @Test("a special byte anywhere in a long text, where memchr looks at whole vectors")
    func longTexts() {
        let length = 5000
        for position in [0, 1, 7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100, 4095, 4096, length - 2, length - 1] {
            for special in ["&", "<", ">", "\"", "'"] {
                var characters = Array(repeating: "x", count: length)
                characters[position] = special
                characters[length / 2] = "\u{1F600}"
                let text = characters.joined()
                var output = HTMLOutput()
                output.appendEscaped(text)
                #expect(output.text == Self.reference(text), "\(special) at \(position)")
            }
        }
    }

    @Test(
        "numbers are written as their decimal digits",
        arguments: [0, 1, 7, 9, 10, 11, 42, 99, 100, 101, 999, 1000, 12345, 1_000_000, -1, -9, -10, -12345,
                    Int.max, Int.min, Int.max - 1, Int.min + 1]
    )
    func decimal(number: Int) {
        var output = HTMLOutput()
        output.appendLiteral("<ol start=\"")
        output.appendDecimal(number)
        output.appendLiteral("\">")
        #expect(output.text == "<ol start=\"\(number)\">")
    }

    @Test("every power of ten and its neighbours")
    func powersOfTen() {
        var power = 1
        for _ in 0..<19 {
            for number in [power - 1, power, power + 1, -power] {
                var output = HTMLOutput()
                output.appendDecimal(number)
                #expect(output.bytes == Array(String(number).utf8))
            }
            power = power.multipliedReportingOverflow(by: 10).partialValue
        }
    }

    @Test("a line ends with a line feed, but not with CR LF, as String.last judged it")
    func lineEnds() {
        for text in ["", "a", "a\n", "\n", "a\r", "a\r\n", "\r\n", "a\n\n", "a\r\n\n", "ü\n", "\u{1F600}\n"] {
            var output = HTMLOutput()
            output.append(text)
            #expect(output.endsWithNewline == (text.last == "\n"), "\(Array(text.utf8))")
        }
    }
}
