@testable import BriefsBuild
import Foundation
import FoundationXML
import Testing
import TestSupport

/// The escapers skip plain text eight bytes at a time; these compare them with the plain
/// byte-by-byte rules on generated text, with specials at every position of a word.
@Suite("Escaping eight bytes at a time")
struct EscapingTests {
    static let pieces = ["a", "Wort ", "ü", "€", "\u{1F600}", "&", "<", ">", "\"", "'", "\\", "\n", "\t", "\r", "\u{01}",
                         "\u{1F}", " ", "/", "0123456", "ABCDEFGH", "\u{7F}", "]"]

    static func texts() -> [String] { SplitMix64.texts(from: pieces, seed: 11) }

    static func referenceHTML(_ text: String, xml: Bool) -> String { ReferenceEscaping.markup(text, apostrophe: true, xml: xml) }

    static func referenceJSON(_ text: String, htmlSafe: Bool) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "<" where htmlSafe, ">" where htmlSafe, "&" where htmlSafe:
                result += "\\u00" + String(scalar.value, radix: 16)
            default:
                if scalar.value < 0x20 {
                    result += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    @Test("BibTeX escapes its own special characters and keeps UTF-8")
    func bibTeX() {
        var buffer = TextBuffer()
        buffer.appendBibEscaped("a\\b{c}%&$#_~^ äß")
        #expect(buffer.text == "a\\textbackslash{}b\\{c\\}\\%\\&\\$\\#\\_\\textasciitilde{}\\textasciicircum{} äß")
    }

    @Test("HTML and XML escaping match the plain rules")
    func html() {
        for text in Self.texts() {
            for xml in [false, true] {
                var buffer = TextBuffer()
                buffer.append("x")
                buffer.appendEscaped(text, xml: xml)
                #expect(buffer.text == "x" + Self.referenceHTML(text, xml: xml), "\(Array(text.utf8)) xml: \(xml)")
            }
        }
    }

    @Test("JSON string escaping matches the plain rules")
    func json() {
        for text in Self.texts() {
            for htmlSafe in [false, true] {
                #expect(JSON.string(text).text(htmlSafe: htmlSafe) == Self.referenceJSON(text, htmlSafe: htmlSafe),
                        "\(Array(text.utf8)) htmlSafe: \(htmlSafe)")
            }
        }
    }

    @Test("every ASCII character, at every position of a word, escapes as the plain rules say")
    func everyCharacter() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for position in 0..<9 {
                let text = String(repeating: "a", count: position) + character + "bcdefghijklmnop"
                for xml in [false, true] {
                    var buffer = TextBuffer()
                    buffer.appendEscaped(text, xml: xml)
                    #expect(buffer.text == Self.referenceHTML(text, xml: xml), "byte \(value) at \(position), xml: \(xml)")
                }
                for htmlSafe in [false, true] {
                    #expect(JSON.string(text).text(htmlSafe: htmlSafe) == Self.referenceJSON(text, htmlSafe: htmlSafe),
                            "byte \(value) at \(position), htmlSafe: \(htmlSafe)")
                }
            }
        }
    }

    @Test("CDATA sections keep the text, drop what XML does not allow, and split every ]]>")
    func cdata() throws {
        let texts = ["", "<p class=\"a\">x &amp; y</p>\n", "a]]>b", "]]>", "]]]]>>", "a]]\u{01}>b", "tab\tline\r\nend\u{1F}",
                     "ä]]>€\u{1F600}"] + Self.texts()
        for text in texts {
            var buffer = TextBuffer()
            buffer.append("<c>")
            var copy = text
            copy.withUTF8 { buffer.appendCDATA(utf8: $0) }
            buffer.append("</c>")
            let document = try XMLDocument(data: Data(buffer.bytes))
            let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) }))
            // XML parsers read a carriage return followed by a line break as one line break.
            #expect(document.rootElement()?.stringValue == expected.replacingOccurrences(of: "\r\n", with: "\n")
                        .replacingOccurrences(of: "\r", with: "\n"), "\(Array(text.utf8))")
        }
    }

    @Test("RIS values keep everything but line breaks, which become spaces")
    func risLineBreaks() {
        for text in Self.texts() {
            var buffer = TextBuffer()
            var copy = text
            copy.withUTF8 { buffer.appendEscaping(utf8: $0, LineBreakSpacer.self) }
            #expect(buffer.bytes == text.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, "\(Array(text.utf8))")
        }
    }

    @Test("each escaper's table holds its rules for all 256 bytes, UTF-8 lead and continuation bytes kept")
    func tables() {
        func check<Escaper: ByteEscaper>(_: Escaper.Type) {
            for value in 0...255 {
                let byte = UInt8(value)
                var expected = [UInt8](repeating: 0, count: 8)
                let length = expected.withUnsafeMutableBufferPointer { out in
                    Escaper.isReplaced(byte) ? Escaper.write(byte, to: out.baseAddress!) : { out[0] = byte; return 1 }()
                }
                var actual = [UInt8](repeating: 0, count: 8)
                let tableLength = actual.withUnsafeMutableBufferPointer { Escaper.table.write(byte, to: $0.baseAddress!) }
                #expect(tableLength == length && actual.prefix(length) == expected.prefix(length), "\(Escaper.self) byte \(value)")
                if value >= 0x80 { #expect(length == 1 && actual[0] == byte) }
            }
        }
        check(MarkupEscaper.self)
        check(XMLEscaper.self)
        check(JSONEscaper.self)
        check(ScriptJSONEscaper.self)
        check(CDATAEscaper.self)
        check(LineBreakSpacer.self)
    }

    @Test("object keys are written in JSONSerialization's order: ASCII case folded, then exact")
    func keyOrder() {
        let pieces = ["a", "A", "b", "B", "-", "_", "@", "z", "Z", "ä", "1", "DOI", "doi", "URL", "url", "publisher",
                      "publisher-place", "abcdefgh", "ABCDEFGH", "abcdefghi"]
        func folded(_ key: String) -> [UInt8] { key.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        var random = UInt64(0x1234_5678)
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            var keys: [String] = []
            for _ in 0..<(1 + next(12)) {
                let key = (0..<(1 + next(3))).map { _ in pieces[next(pieces.count)] }.joined()
                if !keys.contains(key) { keys.append(key) }
            }
            let json = JSON.object(keys.enumerated().map { JSON.Pair(key: $1, value: .int($0)) })
            let expected = keys.enumerated().sorted { left, right in
                let a = folded(left.element), b = folded(right.element)
                return a != b ? a.lexicographicallyPrecedes(b) : left.element < right.element
            }
            #expect(json.text() == "{" + expected.map { "\"\($0.element)\":\($0.offset)" }.joined(separator: ",") + "}")
            // Given in that order already (the writer's shortcut), the same text.
            let inOrder = JSON.object(expected.map { JSON.Pair(key: $0.element, value: .int($0.offset)) })
            #expect(inOrder.text() == json.text())
        }
    }

    @Test("line breaks are trimmed from UTF-8 as from a String")
    func trimmingLineBreaks() {
        let pieces = ["\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "a", " ", "ä", "\u{2027}", "€", "<li>"]
        var state: UInt64 = 7
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int(state % 7) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(Array(text.utf8).trimmingLineBreaks() == Array(text.trimmingLineBreaks().utf8), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("the word tests find every byte they look for, at every position")
    func words() {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: 0x61, count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBufferPointer { $0.word(at: 0) }
                #expect((Words.has(0x22, word) != 0) == (value == 0x22))
                #expect((Words.below(0x20, word) != 0) == (value < 0x20))
            }
        }
    }
}
