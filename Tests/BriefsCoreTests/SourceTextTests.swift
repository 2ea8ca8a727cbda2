import Testing
@testable import BriefsCore

@Suite("Reading files")
struct SourceTextTests {
    func problem(_ bytes: [UInt8]) -> Diagnostic? {
        if case .failure(let diagnostic) = SourceText.decode(bytes, path: "content/briefs/x.md") { return diagnostic }
        return nil
    }

    @Test("An empty file or one with only blank lines is reported")
    func empty() {
        #expect(problem([])?.id == "file.empty")
        #expect(problem(Array(" \n\n".utf8))?.id == "file.empty")
    }

    @Test("Non-UTF-8 bytes are reported at their line and column")
    func notUTF8() throws {
        let bytes = Array("---\ntitle: Gr".utf8) + [0xFC] + Array("n\n---\n".utf8)  // Latin-1 'ü'
        let diagnostic = try #require(problem(bytes))
        #expect(diagnostic.id == "file.not-utf8")
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 10)
        #expect(diagnostic.message.contains("0xFC"))
    }

    @Test("Binary junk is reported as binary, not parsed")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        var junk = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        junk[10] = 0
        #expect(problem(junk)?.id == "file.binary")
    }

    @Test("A 50 MB file is refused before it is read as text")
    func tooLarge() {
        let bytes = [UInt8](repeating: 0x61, count: 50 * 1_048_576)
        let diagnostic = problem(bytes)
        #expect(diagnostic?.id == "file.too-large")
        #expect(diagnostic?.message.contains("50 MB") == true)
    }

    @Test("A byte order mark is dropped and CRLF becomes LF")
    func bomAndLineEndings() throws {
        let text = try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8), path: "x").get()
        #expect(text == "a\nb\n")
    }

    @Test("Overlong and surrogate UTF-8 sequences are invalid")
    func invalidSequences() {
        #expect(SourceText.firstInvalidUTF8Byte(in: [0x41, 0xC0, 0x80][...]) == 1)
        #expect(SourceText.firstInvalidUTF8Byte(in: [0xED, 0xA0, 0x80][...]) == 0)
        #expect(SourceText.firstInvalidUTF8Byte(in: Array("äöü €".utf8)[...]) == nil)
    }
}
