import ArgumentParser
import BriefsCore
import Foundation

/// `briefpress doi new` and `briefpress doi check`.
struct DOICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doi",
        abstract: "Make a new DOI for a brief, or check one.",
        subcommands: [NewDOI.self, CheckDOI.self]
    )
}

struct NewDOI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Make a new Rogue Scholar style DOI (like 10.59350/v2gec-5xt36) for the site's prefix.",
        discussion: """
            The DOI is random, carries a checksum, and is not used by any brief of the site. Put it \
            into the brief's 'doi' field; Rogue Scholar registers it when it reads the site's feed.
            """
    )

    @Argument(help: ArgumentHelp("The site folder, whose content/site.yaml gives doiPrefix.", valueName: "site"))
    var site: String = "."

    @Option(help: "Use this DOI prefix instead of the site's doiPrefix (default 10.59350, Rogue Scholar's).")
    var prefix: String?

    func run() throws {
        let root = URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL
        let existing = existingDOIs(in: root)
        let chosen = (prefix ?? Self.sitePrefix(in: root) ?? "10.59350").lowercased()
        guard case .success = DOI.normalize(chosen + "/x") else {
            throw ValidationError("'\(chosen)' is not a DOI prefix; a prefix is '10.' and 4 to 9 digits, e.g. 10.59350")
        }
        var generator = SystemRandomNumberGenerator()
        var doi: String
        repeat {
            doi = chosen + "/" + RogueDOI.generate(using: &generator)
        } while existing.contains(doi)
        print(DOI.url(doi))
    }

    static func sitePrefix(in root: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("content/site.yaml").path)
        else { return nil }
        return SiteConfigDecoder.decode(text: String(decoding: data, as: UTF8.self), path: "content/site.yaml").0.doiPrefix
    }

    /// DOIs already written in briefs, found by a plain text scan so even broken briefs count.
    func existingDOIs(in root: URL) -> Set<String> {
        let folder = root.appendingPathComponent("content/briefs")
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: Set<String> = []
        for case let path as String in enumerator where path.hasSuffix(".md") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("doi:") {
                if case .success(let doi) = DOI.normalize(String(line.dropFirst(4))) { result.insert(doi) }
            }
        }
        return result
    }
}

struct CheckDOI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Explain whether a DOI is valid: syntax, the site's prefix, and the checksum of encoded suffixes.",
        discussion: "Exit code 0 when the DOI is valid, 1 when it is not."
    )

    @Argument(help: "The DOI, bare (10.59350/v2gec-5xt36) or as a link (https://doi.org/…).")
    var doi: String

    @Option(help: ArgumentHelp("A site folder whose doiPrefix the DOI must use.", valueName: "site"))
    var site: String?

    func run() throws {
        let prefix = site.flatMap { NewDOI.sitePrefix(in: URL(fileURLWithPath: $0, isDirectory: true)) }
        let inspection = DOIInspection(doi, sitePrefix: prefix)
        for finding in inspection.findings {
            switch finding {
            case .ok(let text): print("ok      \(text)")
            case .problem(let text): print("problem \(text)")
            case .note(let text): print("note    \(text)")
            }
        }
        if !inspection.isValid { throw ExitCode(1) }
    }
}
