import Foundation

/// Readers for the shapes site.yaml and briefs share: affiliations, imprint, identifiers.
extension FieldReader {
    static let affiliationKeys = ["id", "name", "unit", "ror"]
    static let imprintKeys = ["publisher", "unit", "place", "contact"]

    mutating func affiliations(_ node: YAMLNode?) -> [Affiliation] {
        guard let node else { return [] }
        var result: [Affiliation] = []
        var seen: Set<String> = []
        for (index, item) in list(node, name: "affiliations").enumerated() {
            guard var fields = fields(item, name: "affiliations") else { continue }
            let context = "affiliation \(index + 1)"
            let id = string(fields["id"], name: "id", required: true, context: context, at: fields.location)
            let name = string(fields["name"], name: "name", required: true, context: context, at: fields.location)
            let unit = string(fields["unit"], name: "unit")
            let ror = identifier(fields["ror"], name: "ror", normalize: ROR.normalize) {
                FrontMatterProblem.invalidROR($0, reason: $1)
            }
            fields.reportUnknown(known: Self.affiliationKeys, into: &self)
            guard let id, let name else { continue }
            if !seen.insert(id.value).inserted {
                report(FrontMatterProblem.duplicateAffiliation(id.value), at: id.location, length: id.length)
                continue
            }
            result.append(Affiliation(id: id.value, name: name.value, unit: unit?.value, ror: ror, location: id.location))
        }
        return result
    }

    mutating func imprint(_ node: YAMLNode?) -> Imprint? {
        guard let node, var fields = fields(node, name: "imprint") else { return nil }
        let publisher = string(fields["publisher"], name: "publisher", required: true, context: "'imprint'", at: fields.location)
        let unit = string(fields["unit"], name: "unit")
        let place = string(fields["place"], name: "place")
        var contact = string(fields["contact"], name: "contact")
        if let value = contact, !Self.isContact(value.value) {
            report(FrontMatterProblem.invalidValue(
                field: "contact", value: value.value,
                reason: "it must be a web address (https://…) or an e-mail address, because it becomes a link"),
                   at: value.location, length: value.length)
            contact = nil
        }
        fields.reportUnknown(known: Self.imprintKeys, into: &self)
        guard let publisher else { return nil }
        return Imprint(publisher: publisher.value, unit: unit?.value, place: place?.value, contact: contact?.value)
    }

    /// An http(s) URL with a host, or a plain e-mail address (optionally with `mailto:`).
    static func isContact(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            return URL(string: text)?.host?.isEmpty == false && !text.contains(where: \.isWhitespace)
        }
        let address = lower.hasPrefix("mailto:") ? String(text.dropFirst(7)) : text
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !address.contains(where: { $0.isWhitespace || "<>\"'()[]\\,;:".contains($0) })
    }

    /// A normalised identifier (DOI, ORCID, ROR), or a diagnostic with the checker's reason.
    mutating func identifier(
        _ node: YAMLNode?, name: String, normalize: (String) -> Result<String, InvalidIdentifier>,
        problem: (String, String) -> FrontMatterProblem
    ) -> String? {
        locatedIdentifier(node, name: name, normalize: normalize, problem: problem)?.value
    }

    mutating func locatedIdentifier(
        _ node: YAMLNode?, name: String, normalize: (String) -> Result<String, InvalidIdentifier>,
        problem: (String, String) -> FrontMatterProblem
    ) -> Located<String>? {
        guard let value = string(node, name: name) else { return nil }
        switch normalize(value.value) {
        case .success(let normalized):
            return Located(normalized, at: value.location, length: value.length)
        case .failure(let error):
            report(problem(value.value, error.reason), at: value.location, length: value.length)
            return nil
        }
    }

    /// An SPDX license id from the known list.
    mutating func license(_ node: YAMLNode?) -> Located<String>? {
        guard let value = string(node, name: "license") else { return nil }
        guard let license = License.named(value.value) else {
            report(FrontMatterProblem.unknownLicense(value.value, suggestion: License.suggestion(for: value.value)),
                   at: value.location, length: value.length)
            return nil
        }
        return Located(license.spdx, at: value.location, length: value.length)
    }

    mutating func language(_ node: YAMLNode?) -> Located<String>? {
        guard let value = string(node, name: "lang") else { return nil }
        guard let tag = LanguageTag.normalize(value.value) else {
            report(FrontMatterProblem.invalidLanguage(value.value), at: value.location, length: value.length)
            return nil
        }
        return Located(tag, at: value.location, length: value.length)
    }
}
