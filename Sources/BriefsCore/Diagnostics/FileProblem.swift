/// Problems with a file as a whole, before its text can be read as a brief.
public enum FileProblem: DiagnosticMessage {
    case empty
    case notUTF8(byte: UInt8)
    case binary
    case tooLarge(bytes: Int, limit: Int)
    case unreadable(reason: String)
    case invalidSlug(String)
    case duplicateSlug(String, other: String)
    case noBriefs(folder: String)
    case siteFileMissing(path: String)

    public var id: DiagnosticID {
        switch self {
        case .empty: "file.empty"
        case .notUTF8: "file.not-utf8"
        case .binary: "file.binary"
        case .tooLarge: "file.too-large"
        case .unreadable: "file.unreadable"
        case .invalidSlug: "brief.invalid-slug"
        case .duplicateSlug: "brief.duplicate-slug"
        case .noBriefs: "site.no-briefs"
        case .siteFileMissing: "site.missing-config"
        }
    }

    public var severity: Severity {
        switch self {
        case .noBriefs: .warning
        default: .error
        }
    }

    public var message: String {
        switch self {
        case .empty:
            "the file is empty; a brief starts with a '---' line, its front matter, another '---' line and the text"
        case .notUTF8(let byte):
            "the file is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) cannot be read); save it as UTF-8 in your editor"
        case .binary:
            "the file contains binary data, not text; is it a brief saved as Markdown (.md)?"
        case .tooLarge(let bytes, let limit):
            "the file is \(bytes / 1_048_576) MB; a brief may be at most \(limit / 1_048_576) MB (images belong in their own files)"
        case .unreadable(let reason):
            "the file could not be read: \(reason)"
        case .invalidSlug(let slug):
            "the file name \(quoted(slug)) cannot be used as a web address; use lower-case letters a-z, digits and hyphens, e.g. 'wohnen-im-alter.md'"
        case .duplicateSlug(let slug, let other):
            "two briefs have the file name \(quoted(slug)) (the other is \(other)); each brief needs its own name because it becomes the address /briefs/\(slug)/"
        case .noBriefs(let folder):
            "no briefs found: put one Markdown file per brief into \(folder)"
        case .siteFileMissing(let path):
            "the site settings file \(path) is missing; briefpress expects a site folder with content/site.yaml and content/briefs/"
        }
    }

    public var notes: [String] {
        switch self {
        case .invalidSlug(let slug):
            let suggestion = Slugify.fileName(slug)
            return suggestion.isEmpty || suggestion == slug ? [] : ["rename it to '\(suggestion).md'"]
        default: return []
        }
    }
}
