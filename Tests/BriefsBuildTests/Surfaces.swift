import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Readers for every surface a built brief publishes, so tests can compare them field by field.
struct Surfaces {
    let site: TestSite
    let slug: String

    var page: String { site.read("briefs/\(slug)/index.html") ?? "" }

    /// `<meta name|property="…" content="…">` pairs in document order, entities decoded.
    var metas: [(String, String)] {
        let pattern = #/<meta (?:name|property)="([^"]+)" content="([^"]*)">/#
        return page.matches(of: pattern).map { (String($0.output.1), Self.unescape(String($0.output.2))) }
    }

    func meta(_ name: String) -> [String] { metas.filter { $0.0 == name }.map(\.1) }

    var jsonLD: [String: Any] {
        guard let start = page.range(of: "<script type=\"application/ld+json\">"),
              let end = page.range(of: "</script>", range: start.upperBound..<page.endIndex) else { return [:] }
        let json = Data(page[start.upperBound..<end.lowerBound].utf8)
        return (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] ?? [:]
    }

    /// BibTeX fields with the outer braces (and the title's inner braces) removed.
    var bibTeX: [String: String] {
        let text = site.read("briefs/\(slug)/\(slug).bib") ?? ""
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let match = line.wholeMatch(of: #/\s+(\w+)\s+= (.*?),?/#) else { continue }
            var value = String(match.output.2)
            while value.hasPrefix("{") && value.hasSuffix("}") { value = String(value.dropFirst().dropLast()) }
            fields[String(match.output.1)] = value
        }
        return fields
    }

    var risRaw: String { site.read("briefs/\(slug)/\(slug).ris") ?? "" }

    var ris: [(String, String)] {
        risRaw.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            (String(line.prefix(2)), String(line.dropFirst(6)))
        }
    }

    func ris(_ tag: String) -> [String] { ris.filter { $0.0 == tag }.map(\.1) }

    var csl: [String: Any] {
        let data = Data((site.read("briefs/\(slug)/\(slug).json") ?? "").utf8)
        return ((try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]])?.first ?? [:]
    }

    /// The JSON Feed item whose `url` is this brief's page.
    func jsonFeedItem(pageURL: String) -> [String: Any]? {
        let data = Data((site.read("feed.json") ?? "").utf8)
        let feed = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return (feed?["items"] as? [[String: Any]])?.first { $0["url"] as? String == pageURL }
    }

    /// The Atom entry whose alternate link is this brief's page, as element name → texts.
    func atomEntry(pageURL: String) throws -> XMLElement? {
        let document = try XMLDocument(data: Data((site.read("feed.xml") ?? "").utf8))
        let entries = document.rootElement().map { Self.children($0, "entry") } ?? []
        return entries.first { entry in
            Self.children(entry, "link").contains { Self.attribute($0, "href") == pageURL }
        }
    }

    /// Child elements by local name (the Atom namespace is the default one).
    static func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }

    /// `attribute(forName:)` finds nothing on elements in a default namespace on Linux.
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
