/// One policy brief, decoded from its front matter and body, with site defaults already applied.
/// Every field an editor wrote keeps its position so later stages can point at it.
public struct Brief: Sendable {
    /// The file name without `.md`: the brief's address `/briefs/<slug>/`.
    public var slug: String
    /// Site-relative path of the source file (`content/briefs/<slug>.md`).
    public var sourcePath: String
    public var title: Located<String>
    public var subtitle: String?
    /// BCP 47 language tag, e.g. `de`, `en`, `de-AT`.
    public var language: Located<String>
    public var series: String?
    public var number: Located<Int>?
    public var date: Located<BriefDate>
    public var updated: Located<BriefDate>?
    public var isDraft: Bool
    /// Bare and lower-case (`10.59350/abcde-12345`).
    public var doi: Located<String>?
    public var authors: [Author]
    /// Affiliations the authors refer to, brief's own merged over the site's, in order of first use.
    public var affiliations: [Affiliation]
    public var keywords: [String]
    /// SPDX id, e.g. `CC-BY-4.0`.
    public var license: Located<String>?
    public var abstract: MarkdownText?
    public var image: BriefImage?
    public var recommendations: [BriefSection]
    public var background: [BriefSection]
    public var research: MarkdownText?
    public var references: [MarkdownText]
    /// Slug of the same brief in another language.
    public var translation: Located<String>?
    public var imprint: Imprint?
    /// The lede: the Markdown after the front matter.
    public var body: MarkdownText
    /// `false` when the title or date could not be read: such a brief is checked, never published.
    public var isComplete = true

    /// Language subtag in lower case (`de` for `de-AT`), which picks UI strings and typography.
    public var primaryLanguage: String {
        String(language.value.split(separator: "-").first ?? "").lowercased()
    }
}

/// A person who wrote the brief.
public struct Author: Sendable, Equatable {
    /// Full name as displayed: "Denis Zekovic".
    public var name: String
    public var given: String?
    public var family: String
    /// Bare ORCID iD (`0000-0002-1825-0097`).
    public var orcid: String?
    public var affiliationIDs: [Located<String>]
}

/// An institution an author belongs to.
public struct Affiliation: Sendable, Equatable {
    public var id: String
    public var name: String
    public var unit: String?
    /// Full ROR URL (`https://ror.org/00a208s56`).
    public var ror: String?
    public var location: SourceLocation
}

/// Who publishes the brief: shown in the imprint and used as publisher in citations.
public struct Imprint: Sendable, Equatable {
    public var publisher: String
    public var unit: String?
    public var place: String?
    /// A URL or an e-mail address.
    public var contact: String?
}

/// A recommendation ("Handlungsimpuls") or a background section: a title, Markdown, quotes.
public struct BriefSection: Sendable, Equatable {
    public var title: String
    public var text: MarkdownText?
    public var quotes: [Quote]
    public var location: SourceLocation
}

/// An interview quote with its (anonymised) source.
public struct Quote: Sendable, Equatable {
    public var text: MarkdownText
    public var source: String
    /// Set when the quote's language differs from the brief's.
    public var language: String?
}

/// The cover or social image of a brief.
public struct BriefImage: Sendable, Equatable {
    /// Path relative to the brief file, as written.
    public var source: Located<String>
    /// Empty for a decorative image.
    public var alt: String
}
