import BriefsCore
import BriefsMarkdown
import Foundation

/// Renders the Markdown pieces of one brief onto one page, sharing ids and footnote numbers,
/// mapping every position back to the `.md` file and collecting the images the page needs.
struct FragmentRenderer {
    // Only what it needs of the brief: holding the whole `Brief` made every copy of this
    // renderer (closures over it) a copy of all the brief's sections and quotes.
    let slug: String
    let sourcePath: String
    let briefLanguage: String
    let strings: UIStrings
    /// The renderer's own words, looked up once: three dictionary lookups for each of a
    /// brief's sixteen fragments were a hundredth of a full build.
    let markdownStrings: MarkdownStrings
    let siteRoot: URL
    let language: TypographyLanguage
    var page = MarkdownPageContext()
    var links: [BriefLink] = []
    var diagnostics: [Diagnostic] = []
    /// Lines that already have a raw-HTML warning (`<em>x</em>` is two tags but one mistake).
    private var rawHTMLLines: Set<SourceLocation> = []
    /// Output path → source file.
    var assets: [String: URL] = [:]
    /// Files looked at next to the brief, with what was found (`nil`: nothing): the page must be
    /// rendered again when any of them changes.
    var dependencies: [String: FileStamp?] = [:]
    /// Plain text of the lede's first paragraph, the default abstract.
    var firstParagraph: String?

    init(brief: Brief, strings: UIStrings, siteRoot: URL) {
        slug = brief.slug
        sourcePath = brief.sourcePath
        briefLanguage = brief.language.value
        self.strings = strings
        markdownStrings = MarkdownStrings(footnotesLabel: strings["footnotes"], footnoteBackLabel: strings["footnoteBack"],
                                          tableLabel: strings["table"])
        self.siteRoot = siteRoot
        self.language = TypographyLanguage(bcp47: brief.language.value)
    }

    func typography(_ text: String) -> String { Typography.apply(text, language: language) }

    /// The folder of the brief file, which image paths are relative to.
    var briefFolder: URL {
        siteRoot.appendingPathComponent(sourcePath).deletingLastPathComponent()
    }

    /// The fragment's HTML as UTF-8, which is how the page template writes it.
    mutating func render(_ text: MarkdownText, headingBase: Int, prefix: String, language: String? = nil) -> [UInt8] {
        let options = MarkdownOptions(
            language: language.map(TypographyLanguage.init(bcp47:)) ?? self.language, strings: markdownStrings,
            headingBase: headingBase, idPrefix: prefix, rewriteDestination: Self.rewrite)
        let rendered = Markdown.render(text.text, options: options, page: &page)
        if firstParagraph == nil, prefix == "lede" { firstParagraph = rendered.firstParagraph }
        for issue in rendered.issues {
            let location = text.origin.location(line: issue.line, column: issue.column)
            switch issue.kind {
            case .rawHTML:
                if rawHTMLLines.insert(SourceLocation(path: location.path, line: location.line, column: 1)).inserted {
                    diagnostics.append(Diagnostic(ContentProblem.rawHTML, at: location))
                }
            case .unsafeURL(let url): diagnostics.append(Diagnostic(ContentProblem.unsafeURL(url), at: location))
            }
        }
        for link in rendered.links {
            let location = text.origin.location(line: link.line, column: link.column)
            links.append(BriefLink(kind: link.kind == .image ? .image : .link, destination: link.destination,
                                   location: location, text: link.text))
            if link.kind == .image {
                if link.text.trimmingWhitespace().isEmpty {
                    diagnostics.append(Diagnostic(ContentProblem.imageWithoutAlt(path: link.destination), at: location))
                }
                addAsset(link.destination, location: location, length: link.destination.count)
            } else {
                copyLinkedFile(link.destination)
            }
        }
        return rendered.htmlUTF8
    }

    mutating func plainText(_ text: MarkdownText) -> String? {
        var scratch = MarkdownPageContext()
        let rendered = Markdown.render(text.text, options: MarkdownOptions(language: language, strings: markdownStrings),
                                       page: &scratch)
        let plain = rendered.plainText.trimmingWhitespace()
        return plain.isEmpty ? nil : plain
    }

    mutating func section(_ section: BriefSection, number: Int, idPrefix: String, anchor: String) -> SectionView {
        let id = "\(idPrefix)-\(number)"
        let html = section.text.map { render($0, headingBase: 4, prefix: id) } ?? []
        // A loop, not `map`: a closure over this mutating renderer copied it for every quote.
        var quotes: [QuoteView] = []
        quotes.reserveCapacity(section.quotes.count)
        for (index, quote) in section.quotes.enumerated() {
            quotes.append(QuoteView(html: render(quote.text, headingBase: 5, prefix: "\(id)-q\(index + 1)", language: quote.language),
                                    source: typography(quote.source),
                                    lang: quote.language == briefLanguage ? nil : quote.language))
        }
        return SectionView(number: number, id: id, anchorID: anchor, title: typography(section.title), html: html,
                           quotes: quotes)
    }

    mutating func coverImage(_ image: BriefImage) -> ImageView? {
        guard let output = addAsset(image.source.value, location: image.source.location, length: image.source.length)
        else { return nil }
        return ImageView(src: output, alt: image.alt)
    }

    /// Registers a relative file the page uses; returns its path relative to the page, or `nil`
    /// (with a diagnostic) when it is missing, a folder, or outside the brief's folder.
    @discardableResult
    mutating func addAsset(_ destination: String, location: SourceLocation, length: Int) -> String? {
        switch Self.classify(destination) {
        case .unsafe, .fragment:
            return nil  // the Markdown renderer reported unsafe schemes already
        case .remote:
            diagnostics.append(Diagnostic(ContentProblem.remoteImage(url: destination), at: location, length: length))
            return destination
        case .absolute:
            diagnostics.append(Diagnostic(ContentProblem.imageOutside(path: destination), at: location, length: length))
            return nil
        case .local(let relative):
            let components = relative.split(separator: "/").filter { $0 != "." }
            guard !components.contains("..") else {
                diagnostics.append(Diagnostic(ContentProblem.imageOutside(path: destination), at: location, length: length))
                return nil
            }
            let source = briefFolder.appendingPathComponent(components.joined(separator: "/")).standardizedFileURL
            guard let found = probe(source) else {
                diagnostics.append(Diagnostic(ContentProblem.missingImage(path: destination), at: location, length: length))
                return nil
            }
            guard !found.isDirectory else {
                diagnostics.append(Diagnostic(ContentProblem.imageIsFolder(path: destination), at: location, length: length))
                return nil
            }
            assets["briefs/\(slug)/" + components.joined(separator: "/")] = source
            return components.joined(separator: "/")
        }
    }

    /// A link to a file next to the brief (a PDF of a study, say) is published with the page.
    /// Links to other briefs and missing files are judged by the link check, not here.
    mutating func copyLinkedFile(_ destination: String) {
        guard case .local(let relative) = Self.classify(destination), !relative.isEmpty, !relative.hasSuffix("/"),
              !relative.hasSuffix(".md") else { return }
        let components = relative.split(separator: "/").filter { $0 != "." }
        guard !components.contains(".."), !components.isEmpty else { return }
        let source = briefFolder.appendingPathComponent(components.joined(separator: "/")).standardizedFileURL
        guard let found = probe(source), !found.isDirectory else { return }
        assets["briefs/\(slug)/" + components.joined(separator: "/")] = source
    }

    enum Destination: Equatable {
        case local(String), remote, absolute, fragment, unsafe
    }

    /// What kind of address a link or image destination is.
    static func classify(_ destination: String) -> Destination {
        // Searched on bytes: every character looked for is ASCII, and walking addresses by
        // `Character` (with a lowercased copy) cost more than rendering the link.
        let trimmed = destination.trimmingSpaces()
        let utf8 = trimmed.utf8
        if utf8.isEmpty || utf8.first == UInt8(ascii: "#") { return .fragment }
        if hasPrefixIgnoringCase(utf8, "http://") || hasPrefixIgnoringCase(utf8, "https://") || trimmed.hasPrefix("//") {
            return .remote
        }
        if utf8.first == UInt8(ascii: "/") { return .absolute }
        // Anything with a scheme before the first slash (javascript:, data:, mailto:) is no file.
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")), !utf8[..<colon].contains(UInt8(ascii: "/")) { return .unsafe }
        let end = utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? utf8.endIndex
        let path = String(trimmed[..<end])
        guard path.utf8.contains(UInt8(ascii: "%")) else { return .local(path) }
        return .local(path.removingPercentEncoding ?? path)
    }

    /// Whether `utf8` starts with the lowercase ASCII `prefix`, in any case.
    private static func hasPrefixIgnoringCase(_ utf8: String.UTF8View, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { expected in
            var index = utf8.startIndex
            for byte in expected {
                guard index < utf8.endIndex else { return false }
                let actual = utf8[index]
                guard actual == byte || (actual >= 0x41 && actual <= 0x5A && actual | 0x20 == byte) else { return false }
                index = utf8.index(after: index)
            }
            return true
        }
    }

    /// Looks at a file next to the brief and remembers what was there.
    private mutating func probe(_ url: URL) -> FileStamp? {
        let stamp = FileStamp.of(url.path)
        dependencies[url.path] = stamp
        return stamp
    }

    /// Links written as the source file (`other-brief.md#x`) point to that brief's page.
    static let rewrite: @Sendable (String, MarkdownLink.Kind) -> String = { destination, kind in
        guard kind == .link else { return destination }
        var path = destination
        var fragment = ""
        if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
            path = String(destination[..<hash])
            fragment = String(destination[hash...])
        }
        if path.hasPrefix("./") { path.removeFirst(2) }
        guard path.hasSuffix(".md"), !path.utf8.contains(UInt8(ascii: "/")), !path.utf8.contains(UInt8(ascii: ":")) else {
            return destination
        }
        return "../\(path.dropLast(3))/" + fragment
    }
}
