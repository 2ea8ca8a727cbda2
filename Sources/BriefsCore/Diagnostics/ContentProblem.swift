/// Problems in a brief's Markdown or between briefs of a site.
public enum ContentProblem: DiagnosticMessage {
    case rawHTML
    case unsafeURL(String)
    case missingImage(path: String)
    case imageOutside(path: String)
    case imageIsFolder(path: String)
    case remoteImage(url: String)
    case translationIsDraft(slug: String)
    case imageWithoutAlt(path: String)
    case brokenLink(String, suggestion: String?)
    case missingFragment(String, page: String, suggestion: String?)
    case draftTarget(String, slug: String)
    case unknownTranslation(slug: String, suggestion: String?)
    case translationIsSelf
    case duplicateDOI(String, other: String)
    case invalidBaseURL(String)

    public var id: DiagnosticID {
        switch self {
        case .rawHTML: "markdown.raw-html"
        case .unsafeURL: "markdown.unsafe-url"
        case .missingImage: "asset.missing"
        case .imageOutside: "asset.outside"
        case .imageIsFolder: "asset.not-a-file"
        case .remoteImage: "asset.remote"
        case .translationIsDraft: "brief.translation-draft"
        case .imageWithoutAlt: "markdown.missing-alt"
        case .brokenLink: "link.broken"
        case .missingFragment: "link.missing-fragment"
        case .draftTarget: "link.draft-target"
        case .unknownTranslation: "brief.unknown-translation"
        case .translationIsSelf: "brief.translation-self"
        case .duplicateDOI: "brief.duplicate-doi"
        case .invalidBaseURL: "site.invalid-base-url"
        }
    }

    public var severity: Severity {
        switch self {
        case .rawHTML, .remoteImage: .warning
        default: .error
        }
    }

    public var message: String {
        switch self {
        case .imageOutside(let path):
            "the image path \(quoted(path)) leaves the folder of the brief; put the image next to the brief (or in a folder below it) and write the path relative to the brief file"
        case .imageIsFolder(let path):
            "the image path \(quoted(path)) names a folder, not an image file"
        case .remoteImage(let url):
            "the image \(quoted(url)) is loaded from another server: every reader's browser contacts that server, and the image can vanish; save it next to the brief instead"
        case .imageWithoutAlt(let path):
            "the image \(quoted(path)) has no alt text; write what it shows between the brackets: ![Karte der Landkreise](\(path))"
        case .brokenLink(let destination, _):
            "the link \(quoted(destination)) leads nowhere: there is no such brief, page or file in the site"
        case .missingFragment(let destination, let page, _):
            "the link \(quoted(destination)) points to a part of \(page) that does not exist"
        case .draftTarget(let destination, let slug):
            "the link \(quoted(destination)) points to the brief '\(slug)', which is a draft and will not be published"
        case .translationIsDraft(let slug):
            "'translation' names the brief \(quoted(slug)), which is a draft and is not published; publish it too or build with --drafts"
        case .rawHTML:
            "HTML tags are not allowed in a brief; they are shown as plain text. Use Markdown instead (e.g. *italic*, **bold**, [link](https://…))"
        case .unsafeURL(let url):
            "the link \(quoted(url)) could run code in the reader's browser and is removed; link to an https:// address instead"
        case .missingImage(let path):
            "the image file \(quoted(path)) does not exist; image paths are relative to the brief file"
        case .unknownTranslation(let slug, _):
            "'translation' names the brief \(quoted(slug)), but there is no content/briefs/\(slug).md"
        case .translationIsSelf:
            "'translation' names this brief itself; it should name the same brief in the other language"
        case .duplicateDOI(let doi, let other):
            "the DOI \(quoted(doi)) is already used by \(other); every brief needs its own DOI"
        case .invalidBaseURL(let value):
            "'baseURL' is \(quoted(value)), but it must be an absolute http(s) address such as 'https://example.org/'"
        }
    }

    public var label: String? {
        switch self {
        case .unknownTranslation(_, let suggestion?): "did you mean '\(suggestion)'?"
        case .brokenLink(_, let suggestion?): "did you mean '\(suggestion)'?"
        case .missingFragment(_, _, let suggestion?): "did you mean '#\(suggestion)'?"
        default: nil
        }
    }
}

/// Problems in a theme: missing files, template syntax, UI strings.
public enum ThemeProblem: DiagnosticMessage {
    case notFound(name: String, searched: [String])
    case missingTemplate(String)
    case templateSyntax(String)
    case unknownVariable(String, template: String)
    case missingString(key: String, language: String)
    case invalidStrings(reason: String)

    public var id: DiagnosticID {
        switch self {
        case .notFound: "theme.not-found"
        case .missingTemplate: "theme.missing-template"
        case .templateSyntax: "theme.template-error"
        case .unknownVariable: "theme.unknown-variable"
        case .missingString: "theme.missing-string"
        case .invalidStrings: "theme.invalid-strings"
        }
    }

    public var severity: Severity {
        switch self {
        case .unknownVariable, .missingString: .warning
        default: .error
        }
    }

    public var message: String {
        switch self {
        case .notFound(let name, let searched):
            "the theme \(quoted(name)) was not found (looked in \(searched.joined(separator: ", ")))"
        case .missingTemplate(let name):
            "the theme has no template '\(name).mustache'"
        case .templateSyntax(let problem):
            "template error: \(problem)"
        case .unknownVariable(let name, let template):
            "the template '\(template)' uses {{\(name)}}, which briefpress does not provide; it would render as empty text"
        case .missingString(let key, let language):
            "the theme has no UI text '\(key)' for language '\(language)'; the English text is used"
        case .invalidStrings(let reason):
            "the theme's UI strings cannot be read: \(reason)"
        }
    }
}
