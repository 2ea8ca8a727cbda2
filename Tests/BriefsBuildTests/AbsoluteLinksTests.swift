@testable import BriefsBuild
import Testing
import TestSupport

/// Links in the feeds' full texts made absolute: resolved on the base's bytes, exactly as by
/// splitting the base into parts and joining them again.
@Suite("Absolute links")
struct AbsoluteLinksTests {
    /// The reference: the base split at its slashes, `..` dropping a part (never the scheme and host).
    static func reference(_ value: String, base: String) -> String {
        if value.hasPrefix("https://") || value.hasPrefix("http://") || value.hasPrefix("//") || value.hasPrefix("mailto:")
            || value.hasPrefix("tel:") || value.contains("://") { return value }
        if value.hasPrefix("#") { return base + value }
        var baseParts = base.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        var path = value
        if path.hasPrefix("/") {
            guard baseParts.count >= 3 else { return value }
            return baseParts.prefix(3).joined(separator: "/") + path
        }
        while path.hasPrefix("../") || path.hasPrefix("./") {
            if path.hasPrefix("./") { path.removeFirst(2); continue }
            path.removeFirst(3)
            if baseParts.count > 3 { baseParts.removeLast() }
        }
        return baseParts.joined(separator: "/") + "/" + path
    }

    @Test("relative links, fragments, root paths and dot segments resolve as the reference does, for generated links and bases")
    func generated() {
        let bases = ["https://forschung.example.org/briefs/wohnen/", "https://example.org/", "https://example.org",
                     "http://localhost:8080/a/b/c/", "https://example.org/briefs/straße/", "", "/", "relative/base/",
                     "https://example.org/x/y"]
        let pieces = ["../", "./", "..", ".", "/", "#", "a", "bild.png", "b/", "%20", "ü", "?q=1", ":", "//", "e\u{301}"]
        for base in bases {
            for value in SplitMix64.texts(from: pieces, seed: 17, count: 400) {
                #expect(AbsoluteLinks.absolute(value, base: base) == Self.reference(value, base: base), "\(value) on \(base)")
            }
        }
    }

    @Test("examples")
    func examples() {
        let base = "https://forschung.example.org/briefs/wohnen/"
        #expect(AbsoluteLinks.absolute("../arbeit/#recommendations", base: base) == "https://forschung.example.org/briefs/arbeit/#recommendations")
        #expect(AbsoluteLinks.absolute("abb-1.png", base: base) == "https://forschung.example.org/briefs/wohnen/abb-1.png")
        #expect(AbsoluteLinks.absolute("/feed.xml", base: base) == "https://forschung.example.org/feed.xml")
        #expect(AbsoluteLinks.absolute("../../../../x", base: base) == "https://forschung.example.org/x")
        #expect(AbsoluteLinks.absolute("#fn-1", base: base) == base + "#fn-1")
        #expect(AbsoluteLinks.absolute("mailto:a@b.de", base: base) == "mailto:a@b.de")
    }
}
