@testable import BriefsCheck
import BriefsCore
import Foundation
import Testing

@Suite("Every link check diagnostic id")
struct LinkProblemCoverageTests {
    @Test("One run against the local server triggers every id of LinkProblem, and no other")
    func everyIDIsTriggered() async throws {
        let server = try await TestHTTPServer.start(route: CheckFixtures.route)
        let refused = try await TestHTTPServer.closedPort()
        let base = server.baseURL
        var options = CheckFixtures.fastOptions()
        options.retries = 1
        options.doiResolver = URL(string: base)
        let links = CheckFixtures.links([
            base + "/missing", base + "/moved", base + "/hang", "http://127.0.0.1:\(refused)/", base + "/always-busy",
            base + "/far/0", base + "/loop-a", base + "/page#absent", "https://doi.org/10.1234/missing",
            "https://exa mple.org/", "mailto:someone-at-example.org", "tel:12", base + "/ok",
        ])
        let exclusions = [LinkPlanner.Exclusion(
            pattern: "([unclosed", location: SourceLocation(path: "content/site.yaml", line: 9, column: 7), length: 11)]
        let result = await ExternalLinkChecker(options: options, exclusions: exclusions).check(links, cache: LinkCache(), now: Date())
        #expect(Set(result.diagnostics.map(\.id)) == Set(LinkProblem.allIDs))
        #expect(result.diagnostics.count == LinkProblem.allIDs.count)
        #expect(Set(LinkProblem.allIDs).count == LinkProblem.allIDs.count)
        #expect(Set(LinkProblem.allIDs) == Set(DiagnosticCatalog.externalLinkIDs))
        let exclude = try #require(result.diagnostics.first { $0.id == "link.invalid-exclude" })
        #expect(exclude.location?.path == "content/site.yaml")
    }
}
