import Foundation
import BriefsCore
import Mustache

/// Finds `{{names}}` a template uses that no view model provides: swift-mustache renders those
/// as empty text without a word, so a misspelt name would silently drop content.
enum TemplateLint {
    static func check(_ text: String, path: String, template: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var tag = rest[open.upperBound..<close.lowerBound]
                rest = rest[close.upperBound...]
                if tag.first == "{" { tag = tag.dropFirst() }
                guard let sigil = tag.first else { continue }
                if "!><$=%/".contains(sigil) { continue }
                if "#^&".contains(sigil) { tag = tag.dropFirst() }
                let name = tag.trimmingSpaces().split(separator: ".").first.map(String.init) ?? ""
                guard !name.isEmpty, name != "." else { continue }
                // Sections opened on a partial's block ({{$main}}) and known view model names are fine.
                if !ViewModelKeys.all.contains(name) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    diagnostics.append(Diagnostic(ThemeProblem.unknownVariable(name, template: template),
                                                  at: SourceLocation(path: path, line: index + 1, column: column),
                                                  length: name.count + 4))
                }
            }
        }
        return diagnostics
    }

    /// `{{> partial}}` and `{{< layout}}` naming no template: Mustache would render nothing there.
    static func missingPartials(in templates: [String: (path: String, text: String)], known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, template) in templates.sorted(by: { $0.key < $1.key }) {
            for (index, line) in template.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let open = rest.range(of: "{{") {
                    guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                    let tag = rest[open.upperBound..<close.lowerBound]
                    rest = rest[close.upperBound...]
                    guard let sigil = tag.first, sigil == ">" || sigil == "<" else { continue }
                    let name = tag.dropFirst().trimmingSpaces()
                    if !name.isEmpty, !known.contains(name) {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        diagnostics.append(Diagnostic(ThemeProblem.missingTemplate(name),
                                                      at: SourceLocation(path: template.path, line: index + 1, column: column),
                                                      length: tag.count + 4))
                    }
                }
            }
        }
        return diagnostics
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
