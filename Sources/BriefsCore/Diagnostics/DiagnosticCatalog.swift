/// Every diagnostic id briefpress can report. The test suite triggers each one, so a new id
/// added here without a test fails the build (and one missing here fails too).
public enum DiagnosticCatalog {
    public static let allIDs: [DiagnosticID] = [
        "file.empty", "file.not-utf8", "file.binary", "file.too-large", "file.unreadable",
        "brief.invalid-slug", "brief.duplicate-slug", "brief.unknown-translation", "brief.translation-self",
        "brief.duplicate-doi",
        "site.no-briefs", "site.missing-config", "site.invalid-base-url",
        "front-matter.missing-start", "front-matter.missing-end", "front-matter.invalid-yaml",
        "front-matter.not-a-mapping", "front-matter.too-complex", "front-matter.duplicate-key",
        "front-matter.missing-field", "front-matter.missing-for-release", "front-matter.wrong-type",
        "front-matter.unknown-key", "front-matter.invalid-date", "front-matter.invalid-value",
        "front-matter.invalid-language", "front-matter.invalid-doi", "front-matter.doi-prefix", "front-matter.doi-checksum", "front-matter.orcid-unissued",
        "front-matter.license-not-cc-by",
        "front-matter.invalid-orcid", "front-matter.invalid-ror", "front-matter.unknown-license",
        "front-matter.undefined-affiliation", "front-matter.duplicate-affiliation",
        "front-matter.updated-before-date", "front-matter.date-in-future", "front-matter.missing-alt",
        "front-matter.empty-value",
        "markdown.raw-html", "markdown.unsafe-url", "asset.missing", "asset.outside", "asset.not-a-file", "asset.remote",
        "brief.translation-draft", "markdown.missing-alt", "link.broken", "link.missing-fragment", "link.draft-target",
        "theme.not-found", "theme.missing-template", "theme.template-error", "theme.unknown-variable",
        "theme.missing-string", "theme.invalid-strings",
    ]

    /// Ids of the external link check (`check --external`), which needs a web server to
    /// trigger; BriefsCheckTests triggers each one against a local server.
    public static let externalLinkIDs: [DiagnosticID] = [
        "link.external-broken", "link.external-redirect", "link.external-timeout", "link.external-unreachable",
        "link.external-unavailable", "link.external-too-many-redirects", "link.external-redirect-loop",
        "link.fragment-missing-external", "link.doi-not-found", "link.invalid-url", "link.invalid-mailto",
        "link.invalid-tel", "link.invalid-exclude",
    ]
}
