/// Problems in the YAML front matter of a brief or in site.yaml.
public enum FrontMatterProblem: DiagnosticMessage {
    case missingStart
    case missingEnd
    case invalidYAML(problem: String)
    case notAMapping
    case tooComplex(limit: Int)
    case duplicateKey(String)
    case missingField(field: String, context: String?)
    case missingForRelease(field: String)
    case wrongType(field: String, expected: String, found: String)
    case unknownKey(String, suggestion: String?, known: [String])
    case invalidDate(field: String, value: String, reason: String)
    case invalidValue(field: String, value: String, reason: String)
    case invalidLanguage(String)
    case invalidDOI(String, reason: String)
    case doiPrefixMismatch(doi: String, prefix: String)
    case doiChecksum(String, reason: String)
    case orcidNotIssued(String)
    case licenseNotAccepted(license: String)
    case invalidORCID(String, reason: String)
    case invalidROR(String, reason: String)
    case unknownLicense(String, suggestion: String?)
    case undefinedAffiliation(String, known: [String])
    case duplicateAffiliation(String)
    case updatedBeforeDate(updated: String, date: String)
    case dateInFuture(String)
    case missingAltText
    case emptyValue(field: String)

    public var id: DiagnosticID {
        switch self {
        case .missingStart: "front-matter.missing-start"
        case .missingEnd: "front-matter.missing-end"
        case .invalidYAML: "front-matter.invalid-yaml"
        case .notAMapping: "front-matter.not-a-mapping"
        case .tooComplex: "front-matter.too-complex"
        case .duplicateKey: "front-matter.duplicate-key"
        case .missingField: "front-matter.missing-field"
        case .missingForRelease: "front-matter.missing-for-release"
        case .wrongType: "front-matter.wrong-type"
        case .unknownKey: "front-matter.unknown-key"
        case .invalidDate: "front-matter.invalid-date"
        case .invalidValue: "front-matter.invalid-value"
        case .invalidLanguage: "front-matter.invalid-language"
        case .invalidDOI: "front-matter.invalid-doi"
        case .doiPrefixMismatch: "front-matter.doi-prefix"
        case .doiChecksum: "front-matter.doi-checksum"
        case .orcidNotIssued: "front-matter.orcid-unissued"
        case .licenseNotAccepted: "front-matter.license-not-cc-by"
        case .invalidORCID: "front-matter.invalid-orcid"
        case .invalidROR: "front-matter.invalid-ror"
        case .unknownLicense: "front-matter.unknown-license"
        case .undefinedAffiliation: "front-matter.undefined-affiliation"
        case .duplicateAffiliation: "front-matter.duplicate-affiliation"
        case .updatedBeforeDate: "front-matter.updated-before-date"
        case .dateInFuture: "front-matter.date-in-future"
        case .missingAltText: "front-matter.missing-alt"
        case .emptyValue: "front-matter.empty-value"
        }
    }

    public var severity: Severity {
        switch self {
        case .unknownKey, .orcidNotIssued, .licenseNotAccepted: .warning
        default: .error
        }
    }

    public var message: String {
        switch self {
        case .missingStart:
            "the file does not start with a '---' line; a brief begins with its front matter between two '---' lines"
        case .missingEnd:
            "the front matter is not closed: add a line with only '---' after the last field, before the text of the brief"
        case .invalidYAML(let problem):
            "the front matter is not valid YAML: \(problem)"
        case .notAMapping:
            "the front matter must be a list of 'field: value' lines"
        case .tooComplex(let limit):
            "the front matter expands to more than \(limit) values (YAML anchors and aliases '&'/'*' that repeat each other?); write the values out instead"
        case .duplicateKey(let key):
            "the field \(quoted(key)) appears twice; keep one"
        case .missingField(let field, let context):
            if let context { "\(context) has no '\(field)'" } else { "the required field '\(field)' is missing" }
        case .missingForRelease(let field):
            "'\(field)' is missing; a brief can only be published with it (set it here or in content/site.yaml, or mark the brief 'draft: true')"
        case .wrongType(let field, let expected, let found):
            "'\(field)' must be \(expected), but it is \(found)"
        case .unknownKey(let key, _, _):
            "unknown field \(quoted(key)); it is ignored"
        case .invalidDate(let field, let value, let reason):
            "'\(field)' is not a valid date: \(quoted(value)) \(reason)"
        case .invalidValue(let field, let value, let reason):
            "'\(field)' has the value \(quoted(value)), but \(reason)"
        case .invalidLanguage(let value):
            "'lang' is \(quoted(value)), which is not a language tag; use e.g. 'de', 'en' or 'de-AT'"
        case .invalidDOI(let value, let reason):
            "'doi' is not a valid DOI: \(quoted(value)) \(reason)"
        case .doiPrefixMismatch(let doi, let prefix):
            "the DOI \(quoted(doi)) does not use the site's DOI prefix '\(prefix)' (doiPrefix in content/site.yaml)"
        case .doiChecksum(let doi, let reason):
            "the DOI \(quoted(doi)) is not valid: its suffix \(reason); copy the DOI again from 'briefpress doi new' or the registrar"
        case .orcidNotIssued(let orcid):
            "the ORCID iD \(quoted(orcid)) has a valid check digit but lies outside the ranges ORCID issues; please check it on orcid.org"
        case .licenseNotAccepted(let license):
            "the license '\(license)' is not CC BY; Rogue Scholar, which registers this DOI prefix, accepts only CC BY licenses"
        case .invalidORCID(let value, let reason):
            "'orcid' is not a valid ORCID iD: \(quoted(value)) \(reason)"
        case .invalidROR(let value, let reason):
            "'ror' is not a valid ROR ID: \(quoted(value)) \(reason)"
        case .unknownLicense(let value, _):
            "'license' is \(quoted(value)), which is not a known SPDX license id such as 'CC-BY-4.0'"
        case .undefinedAffiliation(let id, _):
            "the affiliation \(quoted(id)) is not defined in this brief's 'affiliations' or in content/site.yaml"
        case .duplicateAffiliation(let id):
            "the affiliation id \(quoted(id)) is defined twice in this list"
        case .updatedBeforeDate(let updated, let date):
            "'updated' (\(updated)) is before 'date' (\(date))"
        case .dateInFuture(let date):
            "'date' (\(date)) is in the future; a published brief cannot be dated later than today (mark it 'draft: true' until it is out)"
        case .missingAltText:
            "the image has no 'alt' text; describe what it shows for readers who cannot see it, or write alt: \"\" if it is only decoration"
        case .emptyValue(let field):
            "'\(field)' is empty"
        }
    }

    public var label: String? {
        switch self {
        case .unknownKey(_, let suggestion?, _): "did you mean '\(suggestion)'?"
        case .unknownLicense(_, let suggestion?): "did you mean '\(suggestion)'?"
        default: nil
        }
    }

    public var notes: [String] {
        switch self {
        case .unknownKey(_, nil, let known):
            ["known fields here: " + known.joined(separator: ", ")]
        case .undefinedAffiliation(_, let known):
            known.isEmpty ? ["no affiliations are defined; add one with 'id' and 'name' under 'affiliations'"]
                : ["defined affiliation ids: " + known.joined(separator: ", ")]
        case .invalidYAML:
            ["common causes: a ':' inside a value (put the value in quotes), a tab instead of spaces, or wrong indentation"]
        default: []
        }
    }
}
