import BriefsCore
import Foundation
import Mustache
import Yams

/// A loaded theme: parsed templates, assets to copy, and UI strings per language. A site's own
/// `themes/<name>/` folder overrides the built-in theme file by file.
struct Theme: Sendable {
    static let requiredTemplates = ["brief", "home", "404"]

    var name: String
    var library: MustacheLibrary
    /// Output path under `assets/` → source file.
    var assets: [String: URL]
    var strings: [String: UIStrings]

    /// UI strings for a language tag, falling back to the primary subtag, then English.
    func strings(for language: String) -> UIStrings {
        let primary = String(language.split(separator: "-").first ?? "").lowercased()
        let english = strings["en"] ?? UIStrings(values: [:], months: [])
        guard var chosen = strings[language.lowercased()] ?? strings[primary] else { return english }
        // A key this language lacks falls back to English (reported as theme.missing-string).
        chosen.values.merge(english.values) { own, _ in own }
        if chosen.months.count != 12 { chosen.months = english.months }
        return chosen
    }

    /// Renders `template` with `view`; the template's presence was checked when the theme loaded.
    func render(_ view: Any, template: String) -> String {
        library.render(view, withTemplate: template) ?? ""
    }
}

/// Words a theme shows around the content ("Handlungsimpulse", "Zitieren"), per language.
struct UIStrings: Sendable {
    var values: [String: String]
    var months: [String]

    subscript(key: String) -> String { values[key] ?? key }

    /// "Juni 2025", "14. Juni 2025" (de) or "June 2025", "14 June 2025".
    func display(_ date: BriefDate, language: String) -> String {
        guard let month = date.month, month <= months.count else { return String(date.year) }
        let name = months[month - 1]
        guard let day = date.day else { return "\(name) \(date.year)" }
        return language.hasPrefix("de") ? "\(day). \(name) \(date.year)" : "\(day) \(name) \(date.year)"
    }
}

/// Finds and reads theme files, reporting problems as diagnostics that name the theme file.
struct ThemeLoader {
    /// Folders that hold themes, lowest priority first: built-in themes, then the site's own.
    var searchPaths: [URL]
    /// Site root, to show theme file paths relative to it.
    var siteRoot: URL

    func load(name: String) -> (Theme?, [Diagnostic]) {
        let folders = searchPaths.map { $0.appendingPathComponent(name, isDirectory: true) }
            .filter { isDirectory($0) }
        guard !folders.isEmpty else {
            return (nil, [Diagnostic(ThemeProblem.notFound(name: name, searched: searchPaths.map { display($0) }))])
        }
        var files: [String: URL] = [:]
        for folder in folders {
            for relative in listFiles(in: folder) { files[relative] = folder.appendingPathComponent(relative) }
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var assets: [String: URL] = [:]
        var strings: [String: UIStrings] = [:]
        for (relative, url) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasPrefix("templates/"), relative.hasSuffix(".mustache") {
                let templateName = String(relative.dropFirst("templates/".count).dropLast(".mustache".count))
                if let template = parseTemplate(url, name: templateName, diagnostics: &diagnostics) {
                    library.register(template, named: templateName)
                }
            } else if relative.hasPrefix("assets/") {
                assets[relative] = url
            } else if relative.hasPrefix("strings/"), relative.hasSuffix(".yaml") {
                let language = String(relative.dropFirst("strings/".count).dropLast(".yaml".count))
                if let loaded = loadStrings(url, diagnostics: &diagnostics) { strings[language] = loaded }
            }
        }
        for required in Theme.requiredTemplates where library.getTemplate(named: required) == nil {
            if !diagnostics.contains(where: { $0.id == ThemeProblem.templateSyntax("").id }) {
                diagnostics.append(Diagnostic(ThemeProblem.missingTemplate(required),
                                              at: SourceLocation(path: display(folders[folders.count - 1]), line: 1, column: 1)))
            }
        }
        diagnostics += missingStrings(strings, files: files)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(name: name, library: library, assets: assets, strings: strings), diagnostics)
    }

    /// Every language should have every key some language has; a gap shows an English word
    /// (or the key itself) on a German page.
    private func missingStrings(_ strings: [String: UIStrings], files: [String: URL]) -> [Diagnostic] {
        let allKeys = Set(strings.values.flatMap(\.values.keys))
        var diagnostics: [Diagnostic] = []
        for (language, loaded) in strings.sorted(by: { $0.key < $1.key }) {
            let path = files["strings/\(language).yaml"].map(display) ?? "strings/\(language).yaml"
            for key in allKeys.subtracting(loaded.values.keys).sorted() {
                diagnostics.append(Diagnostic(ThemeProblem.missingString(key: key, language: language),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        return diagnostics
    }

    private func parseTemplate(_ url: URL, name: String, diagnostics: inout [Diagnostic]) -> MustacheTemplate? {
        let path = display(url)
        guard let text = readText(url, path: path, diagnostics: &diagnostics) else { return nil }
        do {
            let template = try MustacheTemplate(string: text)
            diagnostics += TemplateLint.check(text, path: path, template: name)
            return template
        } catch let error as MustacheTemplate.ParserError {
            diagnostics.append(Diagnostic(ThemeProblem.templateSyntax(TemplateLint.describe(error.error)),
                                          at: SourceLocation(path: path, line: error.context.lineNumber,
                                                             column: error.context.columnNumber)))
        } catch {
            diagnostics.append(Diagnostic(ThemeProblem.templateSyntax("\(error)"),
                                          at: SourceLocation(path: path, line: 1, column: 1)))
        }
        return nil
    }

    private func loadStrings(_ url: URL, diagnostics: inout [Diagnostic]) -> UIStrings? {
        let path = display(url)
        guard let text = readText(url, path: path, diagnostics: &diagnostics) else { return nil }
        switch YAMLReader.read(text, path: path, firstLine: 1) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node):
            guard case .mapping(let pairs, _)? = node else {
                diagnostics.append(Diagnostic(ThemeProblem.invalidStrings(reason: "expected 'key: text' lines"),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
                return nil
            }
            var values: [String: String] = [:]
            var months: [String] = []
            for pair in pairs {
                switch pair.value {
                case .scalar(let scalar): values[pair.key.text] = scalar.text
                case .sequence(let items, _) where pair.key.text == "months":
                    months = items.compactMap { if case .scalar(let s) = $0 { s.text } else { nil } }
                default:
                    diagnostics.append(Diagnostic(ThemeProblem.invalidStrings(reason: "'\(pair.key.text)' must be text"),
                                                  at: pair.key.location))
                }
            }
            return UIStrings(values: values, months: months)
        }
    }

    private func readText(_ url: URL, path: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(Diagnostic(FileProblem.unreadable(reason: "permission denied or not a file"),
                                          at: SourceLocation(path: path, line: 1, column: 1)))
            return nil
        }
        switch SourceText.decode(Array(data), path: path) {
        case .success(let text): return text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    private func listFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        var result: [String] = []
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let full = url.standardizedFileURL.path
            if full.hasPrefix(base) { result.append(String(full.dropFirst(base.count))) }
        }
        return result.sorted()
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A path relative to the site root when the file is inside it, otherwise absolute.
    func display(_ url: URL) -> String {
        let root = siteRoot.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
