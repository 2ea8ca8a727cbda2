import Foundation

/// Turns one brief file into a typed `Brief`, reporting every problem in it at once.
public enum BriefDecoder {
    public static let briefKeys = [
        "title", "subtitle", "lang", "series", "number", "date", "updated", "draft", "doi", "authors",
        "affiliations", "keywords", "license", "abstract", "image", "recommendations", "background",
        "research", "references", "translation", "imprint",
    ]
    static let authorKeys = ["name", "given", "family", "orcid", "affiliations"]
    static let sectionKeys = ["title", "text", "quotes"]
    static let quoteKeys = ["text", "source", "lang"]
    static let imageKeys = ["src", "alt"]

    /// Decodes the file at site-relative `path` (named `<slug>.md`). The brief is `nil` when a
    /// field it cannot do without (title, lang, date) is missing or broken.
    public static func decode(text: String, path: String, slug: String, site: SiteConfig) -> (Brief?, [Diagnostic]) {
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text, path: path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let root: YAMLNode
        switch YAMLReader.read(split.yaml, path: path, firstLine: split.yamlFirstLine) {
        case .success(let node?): root = node
        case .success(nil):
            return (nil, [Diagnostic(FrontMatterProblem.missingField(field: "title", context: nil),
                                     at: SourceLocation(path: path, line: 1, column: 1), length: 3)])
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FieldReader(path: path, fileText: text)
        guard var fields = reader.fields(root, name: "front matter") else {
            return (nil, [Diagnostic(FrontMatterProblem.notAMapping, at: root.location)])
        }
        let body = MarkdownText(split.body, origin: TextOrigin(
            path: path, firstLine: split.bodyFirstLine, columnOffset: 0, linesFollow: true))
        let brief = reader.brief(&fields, slug: slug, path: path, body: body, site: site)
        fields.reportUnknown(known: briefKeys, into: &reader)
        return (brief, reader.diagnostics)
    }
}

extension FieldReader {
    fileprivate mutating func brief(_ fields: inout Fields, slug: String, path: String, body: MarkdownText, site: SiteConfig) -> Brief? {
        let top = fields.location
        let title = self.string(fields["title"], name: "title", required: true, at: top)
        let subtitle = self.string(fields["subtitle"], name: "subtitle")
        let language = self.language(fields["lang"]) ?? Located(site.language, at: top)
        let series = string(fields["series"], name: "series")?.value ?? site.series
        let number = self.int(fields["number"], name: "number")
        let date = self.date(fields["date"], name: "date", required: true, at: top)
        let updated = self.date(fields["updated"], name: "updated")
        let isDraft = bool(fields["draft"], name: "draft") ?? false
        let doi = self.locatedIdentifier(fields["doi"], name: "doi", normalize: DOI.normalize) {
            FrontMatterProblem.invalidDOI($0, reason: $1)
        }
        let ownAffiliations = affiliations(fields["affiliations"])
        let knownAffiliations = merge(site.affiliations, with: ownAffiliations)
        let authors = self.authors(fields["authors"], at: top)
        let keywords = self.strings(fields["keywords"], name: "keywords").map(\.value)
        let license = self.license(fields["license"]) ?? site.license
        let abstract = self.markdown(fields["abstract"], name: "abstract")
        let image = self.image(fields["image"])
        let recommendations = self.sections(fields["recommendations"], name: "recommendations", kind: "recommendation")
        let background = self.sections(fields["background"], name: "background", kind: "background section")
        let research = self.markdown(fields["research"], name: "research")
        let references = fields["references"].map { list($0, name: "references") }?.compactMap {
            markdown($0, name: "references")
        } ?? []
        let translation = self.string(fields["translation"], name: "translation")
        let imprint = self.imprint(fields["imprint"]) ?? site.imprint

        if authors.isEmpty, fields.pairs.contains(where: { $0.key.text == "authors" }) == false {
            report(FrontMatterProblem.missingField(field: "authors", context: nil), at: top)
        }
        if recommendations.isEmpty, fields.pairs.contains(where: { $0.key.text == "recommendations" }) == false {
            report(FrontMatterProblem.missingField(field: "recommendations", context: nil), at: top)
        }
        if !isDraft {
            if doi == nil, fields.pairs.contains(where: { $0.key.text == "doi" }) == false {
                report(FrontMatterProblem.missingForRelease(field: "doi"), at: top)
            }
            if license == nil, !site.brokenFields.contains("license"),
               fields.pairs.contains(where: { $0.key.text == "license" }) == false {
                report(FrontMatterProblem.missingForRelease(field: "license"), at: top)
            }
            if imprint == nil, !site.brokenFields.contains("imprint"),
               fields.pairs.contains(where: { $0.key.text == "imprint" }) == false {
                report(FrontMatterProblem.missingForRelease(field: "imprint"), at: top)
            }
        }
        if let updated, let date, updated.value.isBefore(date.value) {
            report(FrontMatterProblem.updatedBeforeDate(updated: updated.value.description, date: date.value.description),
                   at: updated.location, length: updated.length)
        }
        if let doi { checkRogueScholar(doi: doi, license: license) }
        let used = resolve(authors: authors, among: knownAffiliations,
                           reportUndefined: !site.brokenFields.contains("affiliations"))
        // Without a title or date the brief cannot be published, but its Markdown is still
        // rendered (and checked) so every problem of the file shows up in the same run.
        let isComplete = title != nil && date != nil
        return Brief(
            slug: slug, sourcePath: path, title: title ?? Located("", at: top), subtitle: subtitle?.value, language: language,
            series: series, number: number, date: date ?? Located(BriefDate(year: 1900), at: top), updated: updated, isDraft: isDraft, doi: doi,
            authors: authors, affiliations: used, keywords: keywords, license: license, abstract: abstract,
            image: image, recommendations: recommendations, background: background, research: research,
            references: references, translation: translation, imprint: imprint, body: body, isComplete: isComplete)
    }

    /// Rogue Scholar style suffixes carry a checksum, and Rogue Scholar accepts only CC BY.
    private mutating func checkRogueScholar(doi: Located<String>, license: Located<String>?) {
        let prefix = DOI.prefix(of: doi.value)
        let suffix = String(doi.value.dropFirst(prefix.count + 1))
        guard RogueDOI.prefixes.contains(prefix) else { return }
        if RogueDOI.looksEncoded(suffix), case .failure(let error) = RogueDOI.decode(suffix) {
            report(FrontMatterProblem.doiChecksum(doi.value, reason: error.reason), at: doi.location, length: doi.length)
        }
        if let license, !license.value.uppercased().hasPrefix("CC-BY-") || license.value.uppercased().hasPrefix("CC-BY-N")
            || license.value.uppercased().hasPrefix("CC-BY-SA") {
            report(FrontMatterProblem.licenseNotAccepted(license: license.value), at: license.location, length: license.length)
        }
    }

    /// Site affiliations with the brief's own added or replacing them by id.
    private func merge(_ site: [Affiliation], with own: [Affiliation]) -> [Affiliation] {
        var result = site.filter { siteAffiliation in !own.contains { $0.id == siteAffiliation.id } }
        result.append(contentsOf: own)
        return result
    }

    /// The affiliations the authors use, in order of first use; undefined ids are errors.
    private mutating func resolve(authors: [Author], among known: [Affiliation], reportUndefined: Bool) -> [Affiliation] {
        var used: [Affiliation] = []
        for author in authors {
            for id in author.affiliationIDs {
                guard let affiliation = known.first(where: { $0.id == id.value }) else {
                    guard reportUndefined else { continue }
                    report(FrontMatterProblem.undefinedAffiliation(id.value, known: known.map(\.id)),
                           at: id.location, length: id.length)
                    continue
                }
                if !used.contains(affiliation) { used.append(affiliation) }
            }
        }
        return used
    }

    private mutating func authors(_ node: YAMLNode?, at top: SourceLocation) -> [Author] {
        guard let node else { return [] }
        let items = list(node, name: "authors")
        if items.isEmpty { report(FrontMatterProblem.emptyValue(field: "authors"), at: node.location) }
        var result: [Author] = []
        for (index, item) in items.enumerated() {
            if case .scalar = item, let name = string(item, name: "authors") {
                result.append(Self.author(name: name.value, given: nil, family: nil, orcid: nil, affiliations: []))
                continue
            }
            guard var fields = fields(item, name: "authors") else { continue }
            let context = "author \(index + 1)"
            let name = string(fields["name"], name: "name")
            let given = string(fields["given"], name: "given")
            let family = string(fields["family"], name: "family")
            let orcid = locatedIdentifier(fields["orcid"], name: "orcid", normalize: ORCID.normalize) {
                FrontMatterProblem.invalidORCID($0, reason: $1)
            }
            if let orcid, !ORCID.isInIssuedBlock(orcid.value) {
                report(FrontMatterProblem.orcidNotIssued(orcid.value), at: orcid.location, length: orcid.length)
            }
            let affiliationIDs = strings(fields["affiliations"], name: "affiliations")
            fields.reportUnknown(known: BriefDecoder.authorKeys, into: &self)
            guard name != nil || family != nil else {
                report(FrontMatterProblem.missingField(field: "name", context: context), at: fields.location)
                continue
            }
            result.append(Self.author(name: name?.value, given: given?.value, family: family?.value,
                                      orcid: orcid?.value, affiliations: affiliationIDs))
        }
        return result
    }

    /// Fills in whichever of name or given/family is missing; a name is split at its last space.
    static func author(name: String?, given: String?, family: String?, orcid: String?, affiliations: [Located<String>]) -> Author {
        var given = given
        var family = family ?? ""
        if family.isEmpty, let name {
            if let space = name.lastIndex(of: " ") {
                given = given ?? String(name[..<space])
                family = String(name[name.index(after: space)...])
            } else {
                family = name
            }
        }
        let display = name ?? [given, family].compactMap { $0 }.joined(separator: " ")
        return Author(name: display, given: given, family: family, orcid: orcid, affiliationIDs: affiliations)
    }

    private mutating func image(_ node: YAMLNode?) -> BriefImage? {
        guard let node, var fields = fields(node, name: "image") else { return nil }
        let source = self.string(fields["src"], name: "src", required: true, context: "'image'", at: fields.location)
        let altNode = fields["alt"]
        fields.reportUnknown(known: BriefDecoder.imageKeys, into: &self)
        guard let source else { return nil }
        guard let altNode, case .scalar(let alt) = altNode, !alt.isNull || alt.style != .plain else {
            report(FrontMatterProblem.missingAltText, at: source.location, length: source.length)
            return nil
        }
        return BriefImage(source: source, alt: alt.text.trimmingWhitespace())
    }

    private mutating func sections(_ node: YAMLNode?, name: String, kind: String) -> [BriefSection] {
        guard let node else { return [] }
        let items = list(node, name: name)
        if items.isEmpty { report(FrontMatterProblem.emptyValue(field: name), at: node.location) }
        // Sized once: a grown array keeps unused room for as long as the brief waits to be rendered.
        var result: [BriefSection] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard var fields = fields(item, name: name) else { continue }
            // Where a problem sits ("recommendation 2"): made only for a message.
            let title = self.string(fields["title"], name: "title", required: true, context: "\(kind) \(index + 1)",
                                    at: fields.location)
            let text = self.markdown(fields["text"], name: "text")
            let quotes = self.quotes(fields["quotes"], context: "\(kind) \(index + 1)")
            fields.reportUnknown(known: BriefDecoder.sectionKeys, into: &self)
            guard let title else { continue }
            result.append(BriefSection(title: title.value, text: text, quotes: quotes, location: title.location))
        }
        return result
    }

    private mutating func quotes(_ node: YAMLNode?, context: @autoclosure () -> String) -> [Quote] {
        guard let node else { return [] }
        let items = list(node, name: "quotes")
        var result: [Quote] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard var fields = fields(item, name: "quotes") else { continue }
            let text = self.markdown(fields["text"], name: "text", required: true,
                                     context: "quote \(index + 1) of \(context())", at: fields.location)
            let source = self.string(fields["source"], name: "source", required: true,
                                     context: "quote \(index + 1) of \(context())", at: fields.location)
            let language = self.language(fields["lang"])
            fields.reportUnknown(known: BriefDecoder.quoteKeys, into: &self)
            guard let text, let source else { continue }
            result.append(Quote(text: text, source: source.value, language: language?.value))
        }
        return result
    }
}
