import Foundation
import BriefsCore
import Mustache

/// Finds `{{names}}` a template uses that no view model provides: swift-mustache renders those
/// as empty text without a word, so a misspelt name would silently drop content.
enum TemplateLint {
    static func check(_ text: String, path: String, template: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tag in tags(in: text) {
            var name = tag.text[...]
            if name.first == "{" { name = name.dropFirst() }
            guard let sigil = name.first else { continue }
            switch sigil {
            case "!", ">", "<", "$", "=", "%", "/": continue
            case "#", "^", "&": name = name.dropFirst()
            default: break
            }
            let first = TemplateName.components(of: name.trimmingSpaces()).first ?? ""
            guard !first.isEmpty, first != "." else { continue }
            // Sections opened on a partial's block ({{$main}}) and known view model names are fine.
            if TemplateField.named(first) == nil {
                diagnostics.append(Diagnostic(ThemeProblem.unknownVariable(first, template: template),
                                              at: location(of: tag.offset, in: text, path: path), length: first.count + 4))
            }
        }
        return diagnostics
    }

    /// `{{> partial}}` and `{{< layout}}` naming no template: Mustache would render nothing there.
    static func missingPartials(in templates: [String: (path: String, text: String)], known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, template) in templates.sorted(by: { $0.key < $1.key }) {
            for tag in tags(in: template.text) {
                guard let sigil = tag.text.first, sigil == ">" || sigil == "<" else { continue }
                let name = tag.text.dropFirst().trimmingSpaces()
                if !name.isEmpty, !known.contains(name) {
                    diagnostics.append(Diagnostic(ThemeProblem.missingTemplate(name),
                                                  at: location(of: tag.offset, in: template.text, path: template.path),
                                                  length: tag.text.count + 4))
                }
            }
        }
        return diagnostics
    }

    /// The text of every `{{…}}` tag that opens and closes on one line, with the byte offset of its `{{`.
    private static func tags(in text: String) -> [(text: String, offset: Int)] {
        var result: [(text: String, offset: Int)] = []
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
                    index += 1
                    continue
                }
                var close = index + 2
                while close + 1 < bytes.count, bytes[close] != UInt8(ascii: "\n"),
                      !(bytes[close] == UInt8(ascii: "}") && bytes[close + 1] == UInt8(ascii: "}")) {
                    close += 1
                }
                guard close + 1 < bytes.count, bytes[close] != UInt8(ascii: "\n") else {
                    // No `}}` on this line: go on after the line break.
                    index = close + 1
                    continue
                }
                result.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close]), as: UTF8.self), index))
                index = close + 2
            }
        }
        return result
    }

    /// Line and column (in characters) of a byte offset: worked out only for tags reported.
    private static func location(of offset: Int, in text: String, path: String) -> SourceLocation {
        let utf8 = text.utf8
        let position = utf8.index(utf8.startIndex, offsetBy: offset)
        let before = text[..<position]
        let line = before.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourceLocation(path: path, line: line, column: text.distance(from: lineStart, to: position) + 1)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: "a section {{#…}} is never closed with {{/…}}"
        case MustacheTemplate.Error.invalidSetDelimiter: "the delimiter change {{=…=}} is malformed"
        default: "\(error)"
        }
    }
}
