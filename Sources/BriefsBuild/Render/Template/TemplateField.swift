/// Every name a view model answers, as one enumeration: template names are matched against it
/// once, when a template is parsed, and a view model then finds a field with a `switch` that
/// compiles to a jump, instead of comparing the name with each of its names in turn (names a
/// template looks up in the enclosing objects first were compared with all of them; that was
/// a twentieth of rendering a page). The theme lint checks templates against the same names
/// (`TemplateLint`): a name not listed here is one no view model answers.
enum TemplateField: String, CaseIterable, Sendable {
    case affiliationNumbers
    case affiliations
    case alt
    case alternates
    case anchorID
    case authorLine
    case authorNames
    case authors
    case authorsLabel
    case background
    case briefs
    case canonicalURL
    case citationHTML
    case cite
    case contact
    case contactURL
    case date
    case description
    case display
    case doi
    case doiURL
    case downloads
    case draftLabel
    case footerText
    case fullTitle
    case groups
    case hasBackground
    case hasRecommendations
    case hasReferences
    case headHTML
    case headingIDs
    case headingLevel
    case homeURL
    case href
    case hreflang
    case html
    case id
    case image
    case imprint
    case isDraft
    case iso
    case keywords
    case label
    case lang
    case ledeHTML
    case licenseName
    case licenseURL
    case name
    case number
    case orcidURL
    case page
    case place
    case print
    case publisher
    case quotes
    case recommendations
    case references
    case researchHTML
    case root
    case rorURL
    case separator
    case series
    case seriesLine
    case showAffiliationNumbers
    case showSeriesHeadings
    case siteTitle
    case slug
    case source
    case src
    case stylesheetURL
    case subtitle
    case summary
    case t
    case title
    case translation
    case type
    case unit
    case updated
    case url
}

/// One part of a name in a template (`page`, `t`, `cite` of `page.t.cite`): its text, for
/// dictionaries and objects that only answer names, and its field when a view model has one.
struct TemplateKey: Sendable, Equatable {
    let name: String
    let field: TemplateField?

    init(_ name: String) {
        self.name = name
        field = TemplateField.named(name)
    }
}

extension TemplateField {
    /// The field with this name: one hash lookup (`init(rawValue:)` compares the name with the
    /// cases one after another).
    static func named(_ name: String) -> TemplateField? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
