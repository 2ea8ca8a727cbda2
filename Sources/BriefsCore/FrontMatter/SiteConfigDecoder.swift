import Foundation

/// Reads `content/site.yaml`: site title, base URL and the defaults every brief inherits.
public enum SiteConfigDecoder {
    public static let siteKeys = [
        "title", "baseURL", "lang", "series", "license", "doiPrefix", "theme", "affiliations", "imprint", "linkcheck",
    ]

    /// Decodes the settings file; returns a usable configuration even when parts are broken, so the
    /// briefs can still be checked and every problem is reported in one run.
    public static func decode(text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig(title: "", baseURL: "http://localhost/", sourcePath: path)
        let root: YAMLNode
        switch YAMLReader.read(text, path: path, firstLine: 1) {
        case .success(let node?): root = node
        case .success(nil):
            return (config, [Diagnostic(FrontMatterProblem.missingField(field: "title", context: nil),
                                        at: SourceLocation(path: path, line: 1, column: 1))])
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        var reader = FieldReader(path: path, fileText: text)
        guard var fields = reader.fields(root, name: "site.yaml") else { return (config, reader.diagnostics) }
        let top = fields.location
        config.title = reader.string(fields["title"], name: "title", required: true, at: top)?.value ?? ""
        if let url = reader.string(fields["baseURL"], name: "baseURL", required: true, at: top) {
            if let normalized = normalizeBaseURL(url.value) {
                config.baseURL = normalized
            } else {
                reader.report(ContentProblem.invalidBaseURL(url.value), at: url.location, length: url.length)
            }
        }
        config.language = reader.language(fields["lang"])?.value ?? "de"
        config.series = reader.string(fields["series"], name: "series")?.value
        var before = reader.diagnostics.count
        config.license = reader.license(fields["license"])
        if reader.diagnostics.count > before { config.brokenFields.insert("license") }
        if let prefix = reader.string(fields["doiPrefix"], name: "doiPrefix") {
            if case .success = DOI.normalize(prefix.value + "/x") {
                config.doiPrefix = prefix.value.lowercased()
            } else {
                reader.report(FrontMatterProblem.invalidValue(
                    field: "doiPrefix", value: prefix.value, reason: "a DOI prefix is '10.' and 4 to 9 digits, e.g. 10.59350"),
                    at: prefix.location, length: prefix.length)
            }
        }
        if let theme = reader.string(fields["theme"], name: "theme") {
            if theme.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                config.theme = theme.value
                config.themeLocation = theme.location
            } else {
                reader.report(FrontMatterProblem.invalidValue(
                    field: "theme", value: theme.value,
                    reason: "a theme is named by its folder in themes/ (letters, digits, - and _), e.g. 'default'"),
                    at: theme.location, length: theme.length)
            }
        }
        before = reader.diagnostics.count
        config.affiliations = reader.affiliations(fields["affiliations"])
        if reader.diagnostics.count > before { config.brokenFields.insert("affiliations") }
        before = reader.diagnostics.count
        config.imprint = reader.imprint(fields["imprint"])
        if reader.diagnostics.count > before, config.imprint == nil { config.brokenFields.insert("imprint") }
        if let linkcheck = fields["linkcheck"], var linkFields = reader.fields(linkcheck, name: "linkcheck") {
            config.linkcheckExclude = reader.strings(linkFields["exclude"], name: "exclude")
            linkFields.reportUnknown(known: ["exclude"], into: &reader)
        }
        fields.reportUnknown(known: siteKeys, into: &reader)
        return (config, reader.diagnostics)
    }

    /// An absolute http(s) URL ending in `/`, or `nil`.
    static func normalizeBaseURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
