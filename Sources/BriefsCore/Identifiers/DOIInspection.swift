/// A DOI examined the way `briefpress doi check` explains it: every finding in plain words.
public struct DOIInspection: Sendable, Equatable {
    public enum Finding: Sendable, Equatable {
        case ok(String)
        case problem(String)
        case note(String)
    }

    /// The bare, lower-case DOI when the syntax is valid.
    public var doi: String?
    public var findings: [Finding]
    public var isValid: Bool { doi != nil && !findings.contains { if case .problem = $0 { true } else { false } } }

    public init(_ text: String, sitePrefix: String? = nil) {
        findings = []
        switch DOI.normalize(text) {
        case .failure(let error):
            doi = nil
            findings.append(.problem("\(quoted(text)) is not a DOI: it \(error.reason)"))
            return
        case .success(let normalized):
            doi = normalized
            findings.append(.ok("syntax: valid DOI, stored as \(normalized), linked as \(DOI.url(normalized))"))
        }
        guard let doi else { return }
        let prefix = DOI.prefix(of: doi)
        let suffix = String(doi.dropFirst(prefix.count + 1))
        if let sitePrefix {
            findings.append(prefix == sitePrefix
                ? .ok("prefix: \(prefix) is the site's DOI prefix")
                : .problem("prefix: \(prefix) is not the site's DOI prefix \(sitePrefix) (doiPrefix in content/site.yaml)"))
        }
        if RogueDOI.prefixes.contains(prefix) {
            findings.append(.note("prefix: \(prefix) is registered through Rogue Scholar, which accepts only CC BY content"))
        }
        if RogueDOI.looksEncoded(suffix) {
            switch RogueDOI.decode(suffix) {
            case .success(let number):
                findings.append(.ok("checksum: the suffix \(suffix) encodes \(number) with a valid checksum"))
            case .failure(let error):
                findings.append(.problem("checksum: the suffix \(suffix) \(error.reason)"))
            }
        } else if RogueDOI.prefixes.contains(prefix) {
            findings.append(.note("suffix: \(suffix) is not in the encoded form xxxxx-xxxxx, so it has no checksum to verify"))
        }
    }
}
