import BriefsCore
import Foundation
import Mustache
import Yams

/// A loaded theme: parsed templates, assets to copy, and UI strings per language. A site's own
/// `themes/<name>/` folder overrides the built-in theme file by file.
struct Theme: Sendable {
    static let requiredTemplates = ["brief", "home", "home-entry", "404"]

    var name: String
    var library: TemplateLibrary
    /// Output path under `assets/` → source file.
    var assets: [String: URL]
    var strings: [String: UIStrings]
    /// Changes whenever a template, UI string or asset changes (part of the build cache's keys).
    var fingerprint: UInt64 = 0

    /// UI strings for a language tag, falling back to the primary subtag, then English. Cheap:
    /// the English fallback is merged in once when the theme loads (this is called per brief).
    func strings(for language: String) -> UIStrings {
        let primary = String(language.split(separator: "-").first ?? "").lowercased()
        return strings[language.lowercased()] ?? strings[primary] ?? strings["en"] ?? UIStrings(values: [:], months: [])
    }

    /// Every language's strings with English filling its gaps (reported as theme.missing-string).
    static func withEnglishFallback(_ strings: [String: UIStrings]) -> [String: UIStrings] {
        guard let english = strings["en"] else { return strings }
        return strings.mapValues { language in
            var merged = language
            merged.values.merge(english.values) { own, _ in own }
            if merged.months.count != 12 { merged.months = english.months }
            return merged
        }
    }

    /// Renders `template` with `view`; the template's presence was checked when the theme loaded.
    func render(_ view: some TemplateObject, template: String) -> String {
        library.render(.object(view), template: template) ?? ""
    }

    /// `render(_:template:)` as UTF-8, for a file.
    func renderUTF8(_ view: some TemplateObject, template: String, capacity: Int = 0) -> [UInt8] {
        library.renderUTF8(.object(view), template: template, capacity: capacity) ?? []
    }

    /// Renders `template` and returns besides its text that of `partial` as it was included
    /// (rendering `partial` on its own when the template did not include it as it stands).
    /// Both as UTF-8: the page goes into its file, the part into the feeds.
    func render(_ view: some TemplateObject, template: String, including partial: String) -> ([UInt8], ArraySlice<UInt8>) {
        guard let (text, captured) = library.render(.object(view), template: template, capturing: partial) else {
            return ([], renderUTF8(view, template: partial)[...])
        }
        return (text, captured ?? renderUTF8(view, template: partial)[...])
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
final class ThemeLoader {
    /// Folders that hold themes, lowest priority first: built-in themes, then the site's own.
    let searchPaths: [URL]
    /// Site root, to show theme file paths relative to it.
    let siteRoot: URL
    /// Texts of the theme files read, by displayed path, for diagnostic excerpts.
    private(set) var readTexts: [String: String] = [:]

    init(searchPaths: [URL], siteRoot: URL) {
        self.searchPaths = searchPaths
        self.siteRoot = siteRoot
    }

    func load(name: String, writtenAt location: SourceLocation? = nil) -> (Theme?, [Diagnostic]) {
        let folders = searchPaths.map { $0.appendingPathComponent(name, isDirectory: true) }
            .filter { isDirectory($0) }
        guard !folders.isEmpty else {
            return (nil, [Diagnostic(ThemeProblem.notFound(name: name, searched: searchPaths.map { display($0) }),
                                     at: location, length: name.count)])
        }
        // Later folders (the site's own theme) replace files of earlier ones (the built-in theme);
        // UI strings are merged key by key instead, so a site can change one word.
        var files: [String: URL] = [:]
        var stringLayers: [String: [URL]] = [:]
        for folder in folders {
            for relative in listFiles(in: folder) {
                let url = folder.appendingPathComponent(relative)
                files[relative] = url
                if relative.hasPrefix("strings/"), relative.hasSuffix(".yaml") {
                    stringLayers[String(relative.dropFirst("strings/".count).dropLast(".yaml".count)), default: []].append(url)
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        var library = TemplateLibrary()
        var templateTexts: [String: (path: String, text: String)] = [:]
        var assets: [String: URL] = [:]
        for (relative, url) in files.sorted(by: { $0.key < $1.key }) {
            if relative.hasPrefix("templates/"), relative.hasSuffix(".mustache") {
                let templateName = String(relative.dropFirst("templates/".count).dropLast(".mustache".count))
                if let (template, text) = parseTemplate(url, name: templateName, diagnostics: &diagnostics) {
                    library.register(template, named: templateName)
                    templateTexts[templateName] = (display(url), text)
                }
            } else if relative.hasPrefix("assets/") {
                assets[relative] = url
            }
        }
        var strings: [String: UIStrings] = [:]
        for (language, layers) in stringLayers.sorted(by: { $0.key < $1.key }) {
            var merged = UIStrings(values: [:], months: [])
            for url in layers {
                guard let layer = loadStrings(url, diagnostics: &diagnostics) else { continue }
                merged.values.merge(layer.values) { _, new in new }
                if !layer.months.isEmpty { merged.months = layer.months }
            }
            strings[language] = merged
        }
        let syntaxFailed = diagnostics.contains { $0.id == ThemeProblem.templateSyntax("").id }
        for required in Theme.requiredTemplates where !library.contains(required) && !syntaxFailed {
            diagnostics.append(Diagnostic(ThemeProblem.missingTemplate(required),
                                          at: SourceLocation(path: display(folders[folders.count - 1]), line: 1, column: 1)))
        }
        diagnostics += TemplateLint.missingPartials(in: templateTexts, known: Set(templateTexts.keys))
        diagnostics += missingStrings(strings, layers: stringLayers)
        strings = Theme.withEnglishFallback(strings)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        // Stable across runs (the build cache on disk keys pages by it): the theme files' text,
        // and the assets' size and modification time.
        var hasher = XXH64()
        for (path, text) in readTexts.sorted(by: { $0.key < $1.key }) {
            hasher.update(path)
            hasher.update(UInt64(text.utf8.count))
            hasher.update(text)
        }
        for (path, url) in assets.sorted(by: { $0.key < $1.key }) {
            hasher.update(path)
            let stamp = FileStamp.of(url.path)
            hasher.update(UInt64(bitPattern: Int64(stamp?.size ?? -1)))
            hasher.update(UInt64(bitPattern: Int64(stamp?.modifiedSeconds ?? 0)))
            hasher.update(UInt64(bitPattern: Int64(stamp?.modifiedNanoseconds ?? 0)))
        }
        return (Theme(name: name, library: library, assets: assets, strings: strings, fingerprint: hasher.finalize()),
                diagnostics)
    }

    /// Every language should have every key some language has; a gap shows an English word
    /// (or the key itself) on a German page.
    private func missingStrings(_ strings: [String: UIStrings], layers: [String: [URL]]) -> [Diagnostic] {
        let allKeys = Set(strings.values.flatMap(\.values.keys))
        var diagnostics: [Diagnostic] = []
        for (language, loaded) in strings.sorted(by: { $0.key < $1.key }) {
            // Blame the most specific file of that language (the site's, when it has one).
            let path = layers[language]?.last.map(display) ?? "strings/\(language).yaml"
            for key in allKeys.subtracting(loaded.values.keys).sorted() {
                diagnostics.append(Diagnostic(ThemeProblem.missingString(key: key, language: language),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        return diagnostics
    }

    /// Parses a template for briefpress's renderer. Its parser accepts and refuses what
    /// swift-mustache does (the tests hold the two to that), so swift-mustache reads a template
    /// only when it is broken: its errors carry the line and column.
    private func parseTemplate(_ url: URL, name: String, diagnostics: inout [Diagnostic]) -> ([TemplateNode], String)? {
        let path = display(url)
        guard let text = readText(url, path: path, diagnostics: &diagnostics) else { return nil }
        let failure: TemplateParser.Failure
        do {
            let template = try TemplateParser.parse(text)
            diagnostics += TemplateLint.check(text, path: path, template: name)
            return (template, text)
        } catch let error as TemplateParser.Failure {
            failure = error
        } catch {
            failure = TemplateParser.Failure(message: "\(error)")
        }
        do {
            _ = try MustacheTemplate(string: text)
            // Refused by briefpress's parser alone (it should not happen): its reason, at the start.
            diagnostics.append(Diagnostic(ThemeProblem.templateSyntax(failure.message),
                                          at: SourceLocation(path: path, line: 1, column: 1)))
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
        case .success(let text):
            readTexts[path] = text
            return text
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Relative paths of the files below `folder`, sorted; hidden files skipped.
    private func listFiles(in folder: URL) -> [String] {
        var result: [String] = []
        FileSystem.walk(folder.standardizedFileURL.path, skip: { $0.hasPrefix(".") }) { relative, _, info in
            if let info, info.st_mode & S_IFMT == S_IFREG { result.append(relative) }
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
