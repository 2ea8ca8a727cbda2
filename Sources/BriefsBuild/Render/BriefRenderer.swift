import BriefsCore
import BriefsMarkdown
import Foundation

/// Turns one validated brief into its page and the files the page uses. Pure apart from asking
/// whether referenced images exist, so briefs render in parallel.
struct BriefRenderer: Sendable {
    var site: SiteConfig
    var theme: Theme
    /// The language of every brief being published, by slug (for translation links).
    var languages: [String: String]
    var siteRoot: URL
    /// Whether a PDF is published next to each page (citation_pdf_url, downloads).
    var hasPDF = false
    /// Whether the home page has series headings (decides the level of each entry's heading).
    var seriesHeadings = false
    /// `headingIDs(strings:)` for every language of the site, worked out once.
    let headingIDsByLanguage: [String: [String: String]]

    init(site: SiteConfig, theme: Theme, languages: [String: String], siteRoot: URL, hasPDF: Bool = false,
         seriesHeadings: Bool = false) {
        self.site = site
        self.theme = theme
        self.languages = languages
        self.siteRoot = siteRoot
        self.hasPDF = hasPDF
        self.seriesHeadings = seriesHeadings
        var ids: [String: [String: String]] = [:]
        for language in Set(languages.values).union([site.language]) {
            ids[language] = Self.headingIDs(strings: theme.strings(for: language))
        }
        headingIDsByLanguage = ids
    }

    /// Ids the page template itself uses; Markdown headings never take them.
    static let reservedIDs: Set<String> = ["main", "recommendations", "background", "research", "references", "cite", "imprint"]

    /// The page's sections whose headings get an id from their localized text.
    static let sectionKeys = ["recommendations", "background", "research", "references", "cite", "imprint"]

    /// `handlungsimpulse` for the German "Handlungsimpulse"; `recommendations-heading` where the
    /// localized text gives the section's own id (English) or nothing usable.
    static func headingIDs(strings: UIStrings) -> [String: String] {
        var result: [String: String] = [:]
        for key in sectionKeys {
            let slug = Slug.make(strings[key])
            result[key] = reservedIDs.contains(slug) || slug == "section" || result.values.contains(slug) ? key + "-heading" : slug
        }
        return result
    }

    func render(_ brief: Brief) -> RenderedBrief {
        var state = FragmentRenderer(brief: brief, strings: theme.strings(for: brief.language.value), siteRoot: siteRoot)
        let headingIDs = headingIDsByLanguage[brief.language.value] ?? Self.headingIDs(strings: state.strings)
        var reserved = Self.reservedIDs.union(headingIDs.values)
        for index in brief.recommendations.indices { reserved.insert("recommendation-\(index + 1)") }
        for index in brief.background.indices { reserved.insert("background-\(index + 1)") }
        state.page = MarkdownPageContext(reservedIDs: reserved)
        // Section titles claim their ids first, so a heading in the lede never takes a
        // recommendation's id (which editors link to) and ids do not shift when the lede changes.
        let recommendationAnchors = brief.recommendations.map { state.page.uniqueID(for: $0.title) }
        let backgroundAnchors = brief.background.map { state.page.uniqueID(for: $0.title) }

        let lede = state.render(brief.body, headingBase: 2, prefix: "lede")
        let recommendations = brief.recommendations.enumerated().map { index, section in
            state.section(section, number: index + 1, idPrefix: "recommendation", anchor: recommendationAnchors[index])
        }
        let background = brief.background.enumerated().map { index, section in
            state.section(section, number: index + 1, idPrefix: "background", anchor: backgroundAnchors[index])
        }
        let research = brief.research.map { state.render($0, headingBase: 3, prefix: "research") }
        let references = brief.references.enumerated().map { index, reference in
            Self.unwrapParagraph(String(decoding: state.render(reference, headingBase: 3, prefix: "ref-\(index + 1)"), as: UTF8.self))
        }
        let abstract = brief.abstract.flatMap { state.plainText($0) } ?? state.firstParagraph
        let image = brief.image.map { state.coverImage($0) }
        let record = CitationRecord(brief: brief, site: site, abstract: abstract, hasPDF: hasPDF,
                                    defaultImage: Self.defaultSocialImage)
        let translation = translationView(brief)
        let page = pageView(for: brief, description: abstract, headHTML: HeadMetadata.html(
            for: record, translation: translation.map { (site.baseURL + "briefs/\(brief.translationSlug ?? "")/", $0.lang) }))

        let view = BriefPageView(
            page: page,
            slug: brief.slug,
            seriesLine: seriesLine(brief, strings: state.strings),
            title: state.typography(brief.title.value),
            subtitle: brief.subtitle.map(state.typography),
            authors: authorViews(brief),
            affiliations: brief.affiliations.enumerated().map { index, affiliation in
                AffiliationView(number: index + 1, name: affiliation.name, unit: affiliation.unit, rorURL: affiliation.ror)
            },
            showAffiliationNumbers: brief.affiliations.count > 1,
            date: dateView(brief.date.value, brief: brief, strings: state.strings),
            updated: brief.updated.map { dateView($0.value, brief: brief, strings: state.strings) },
            ledeHTML: lede, recommendations: recommendations, background: background, researchHTML: research,
            references: references, imprint: imprintView(brief, strings: state.strings),
            translation: translation,
            image: image ?? nil, keywords: brief.keywords,
            cite: citeView(record, strings: state.strings),
            print: printInfo(record, authors: brief.authors.map(\.name), language: brief.language.value),
            headingIDs: headingIDs)
        // The page includes the body the feeds carry: rendered once, for both.
        let (html, body) = theme.render(view, template: "brief", including: "brief-body")
        var files = [OutputFile(path: "briefs/\(brief.slug)/index.html", content: .bytes(html))]
        files += CitationExports.files(for: record)
        files += state.assets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, content: .copy($0.value)) }
        let content = AbsoluteLinks.rewrite(body, base: record.pageURL)
        let printJob = hasPDF
            ? PrintJob(slug: brief.slug, sourcePath: brief.sourcePath, html: theme.render(view, template: "print"),
                       files: state.assets)
            : nil
        // Reserved ids of sections this brief does not have are not on the page.
        let present: [String: Bool] = [
            "recommendations": !brief.recommendations.isEmpty, "background": !brief.background.isEmpty,
            "research": brief.research != nil, "references": !brief.references.isEmpty, "cite": true,
            "imprint": brief.imprint != nil,
        ]
        var ids = state.page.usedIDs
        for (key, isPresent) in present where !isPresent {
            ids.remove(key)
            if let heading = headingIDs[key] { ids.remove(heading) }
        }
        return RenderedBrief(slug: brief.slug, files: files, links: state.links, ids: ids,
                             summary: abstract,
                             homeEntry: SitePageRenderer(site: site, theme: theme)
                                 .summary(of: brief, summary: abstract, seriesHeadings: seriesHeadings),
                             feedEntry: FeedEntry(record: record, contentHTML: content, summary: abstract),
                             printJob: printJob, diagnostics: state.diagnostics,
                             dependencies: state.dependencies.map { FileDependency(path: $0.key, stamp: $0.value) }
                                 .sorted { $0.path < $1.path })
    }

    func printInfo(_ record: CitationRecord, authors: [String], language: String) -> PrintInfo {
        let and = TypographyLanguage(bcp47: language) == .german ? " und " : " and "
        let line = authors.count > 1 ? authors.dropLast().joined(separator: ", ") + and + (authors.last ?? "") : authors.first ?? ""
        return PrintInfo(fullTitle: record.fullTitle, authorNames: authors, authorLine: line,
                         keywords: record.keywords.isEmpty ? nil : record.keywords.joined(separator: ", "),
                         footerText: record.identifierURL)
    }

    /// The theme's fallback for `og:image` when a brief has no image of its own.
    static let defaultSocialImage = "assets/social.png"

    func citeView(_ record: CitationRecord, strings: UIStrings) -> CiteView {
        let slug = record.slug
        var downloads: [DownloadView] = []
        if record.pdfURL != nil {
            downloads.append(DownloadView(href: "\(slug).pdf", type: "application/pdf", label: strings["downloadPDF"]))
        }
        downloads += [
            DownloadView(href: "\(slug).bib", type: "application/x-bibtex", label: strings["downloadBibTeX"]),
            DownloadView(href: "\(slug).ris", type: "application/x-research-info-systems", label: strings["downloadRIS"]),
            DownloadView(href: "\(slug).json", type: "application/vnd.citationstyles.csl+json", label: strings["downloadCSL"]),
        ]
        return CiteView(citationHTML: APACitation.render(record, html: true), downloads: downloads)
    }

    // MARK: - View pieces

    func pageView(for brief: Brief, description: String?, headHTML: [UInt8]) -> PageView {
        let strings = theme.strings(for: brief.language.value)
        var alternates = Self.feedLinks(site: site, strings: strings)
        if let translation = translationView(brief) {
            alternates.append(AlternateLink(href: site.baseURL + "briefs/\(brief.slug)/", hreflang: brief.language.value))
            alternates.append(AlternateLink(href: site.baseURL + "briefs/\(brief.translationSlug ?? "")/",
                                            hreflang: translation.lang))
        }
        return PageView(
            lang: brief.language.value,
            title: Typography.apply(brief.title.value, language: TypographyLanguage(bcp47: brief.language.value))
                + " – " + site.title,
            description: description ?? "", canonicalURL: site.baseURL + "briefs/\(brief.slug)/", root: "../../",
            siteTitle: site.title, homeURL: "../../", stylesheetURL: "../../assets/style.css", isDraft: brief.isDraft,
            t: strings.values, headHTML: headHTML, alternates: alternates)
    }

    /// Feed links every page's head carries, so readers and Rogue Scholar find them.
    static func feedLinks(site: SiteConfig, strings: UIStrings) -> [AlternateLink] {
        [AlternateLink(href: site.baseURL + "feed.xml", type: "application/atom+xml", title: strings["feedAtom"]),
         AlternateLink(href: site.baseURL + "feed.json", type: "application/feed+json", title: strings["feedJSON"])]
    }

    func seriesLine(_ brief: Brief, strings: UIStrings) -> String? {
        guard let series = brief.series else { return brief.number.map { "\(strings["number"]) \($0.value)" } }
        guard let number = brief.number else { return series }
        return "\(series) \(strings["number"]) \(number.value)"
    }

    func authorViews(_ brief: Brief) -> [AuthorView] {
        let language = TypographyLanguage(bcp47: brief.language.value)
        let and = language == .german ? " und " : " and "
        return brief.authors.enumerated().map { index, author in
            let numbers = author.affiliationIDs.compactMap { id in
                brief.affiliations.firstIndex { $0.id == id.value }.map { String($0 + 1) }
            }
            let separator = index == brief.authors.count - 1 ? "" : (index == brief.authors.count - 2 ? and : ", ")
            return AuthorView(name: author.name, orcidURL: author.orcid.map(ORCID.url),
                              affiliationNumbers: numbers.joined(separator: ","), separator: separator)
        }
    }

    func dateView(_ date: BriefDate, brief: Brief, strings: UIStrings) -> DateView {
        DateView(iso: date.description, display: strings.display(date, language: brief.language.value))
    }

    func imprintView(_ brief: Brief, strings: UIStrings) -> ImprintView? {
        guard let imprint = brief.imprint else { return nil }
        let license = brief.license.flatMap { License.named($0.value) }
        // The decoder accepted only http(s) URLs and e-mail addresses.
        let contactURL: String? = imprint.contact.map { contact in
            contact.contains("://") || contact.lowercased().hasPrefix("mailto:") ? contact : "mailto:" + contact
        }
        return ImprintView(
            publisher: imprint.publisher, unit: imprint.unit, place: imprint.place, contact: imprint.contact,
            contactURL: contactURL, authors: authorViews(brief).map { $0.name + $0.separator }.joined(),
            authorsLabel: strings[brief.authors.count == 1 ? "author" : "authors"],
            date: dateView(brief.date.value, brief: brief, strings: strings),
            doi: brief.doi?.value, doiURL: brief.doi.map { DOI.url($0.value) },
            licenseName: license?.name ?? brief.license?.value, licenseURL: license?.url)
    }

    func translationView(_ brief: Brief) -> TranslationView? {
        guard let slug = brief.translationSlug, let language = languages[slug] else { return nil }
        let label = theme.strings(for: language)["versionLink"]
        return TranslationView(url: "../\(slug)/", lang: language, label: label)
    }

    /// A reference is one paragraph; inside `<li>` the `<p>` adds only spacing.
    static func unwrapParagraph(_ html: String) -> String {
        let trimmed = html.trimmingWhitespace()
        // On bytes: Foundation's `components(separatedBy:)` here cost more than the rest of the page's metadata.
        let utf8 = trimmed.utf8
        guard utf8.starts(with: "<p>".utf8), utf8.reversed().starts(with: "</p>".utf8.reversed()),
              occurrences(of: "<p>", in: trimmed) == 1 else { return trimmed }
        return String(trimmed.dropFirst(3).dropLast(4))
    }

    /// How often `needle` (ASCII) occurs in `text`, not overlapping.
    private static func occurrences(of needle: StaticString, in text: String) -> Int {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let bytes = Array(text.utf8)
        var count = 0
        var index = 0
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                count += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }
}

extension Brief {
    var translationSlug: String? { translation?.value }
}
