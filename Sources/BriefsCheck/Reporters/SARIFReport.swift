import BriefsCore
import Foundation

/// Diagnostics as SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.
public enum SARIFReport {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var informationUri: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var level: String
        var message: Message
        var locations: [Location]
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int; var endColumn: Int }

    /// The whole report as one SARIF log with one run; every distinct id becomes a rule.
    public static func render(_ diagnostics: [Diagnostic], summary: String) -> String {
        let sorted = diagnostics.sorted()
        let rules = Set(sorted.map(\.id.rawValue)).sorted().map(Rule.init(id:))
        let results = sorted.map { diagnostic in
            Result(
                ruleId: diagnostic.id.rawValue, level: diagnostic.severity.rawValue,
                message: Message(text: ([diagnostic.message] + diagnostic.notes).joined(separator: "\n")),
                locations: diagnostic.location.map { location in
                    [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: location.path),
                        region: Region(startLine: location.line, startColumn: location.column,
                                       endColumn: location.column + diagnostic.length)))]
                } ?? [])
        }
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(name: "briefpress", informationUri: "https://github.com/briefpress/briefpress", rules: rules)),
            results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
