/// Site-wide settings and defaults from `content/site.yaml`.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute, always ending in `/`.
    public var baseURL: String
    public var language: String
    public var series: String?
    public var license: Located<String>?
    public var doiPrefix: String?
    public var theme: String
    /// Where `theme:` is written, for "theme not found".
    public var themeLocation: SourceLocation?
    public var affiliations: [Affiliation]
    public var imprint: Imprint?
    public var linkcheckExclude: [Located<String>]
    public var sourcePath: String
    /// Fields of site.yaml that had errors. Briefs do not report them as missing as well:
    /// one mistake in site.yaml should be one error, not one per brief.
    public var brokenFields: Set<String> = []

    public init(
        title: String, baseURL: String, language: String = "de", series: String? = nil,
        license: Located<String>? = nil, doiPrefix: String? = nil, theme: String = "default",
        affiliations: [Affiliation] = [], imprint: Imprint? = nil, linkcheckExclude: [Located<String>] = [],
        sourcePath: String = "content/site.yaml"
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.series = series
        self.license = license
        self.doiPrefix = doiPrefix
        self.theme = theme
        self.affiliations = affiliations
        self.imprint = imprint
        self.linkcheckExclude = linkcheckExclude
        self.sourcePath = sourcePath
    }
}
