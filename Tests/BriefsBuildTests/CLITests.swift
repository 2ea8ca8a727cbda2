import ArgumentParser
@testable import BriefsCLI
import BriefsCore
import Foundation
import Testing

/// The command line end to end, in-process: arguments in, exit code out.
@Suite("Today's date")
struct TodayTests {
    @Test("today's date by arithmetic is the Gregorian calendar's, in UTC, from 1600 to 2769 (Foundation counts Julian days before 1582)")
    func civilDates() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for days in stride(from: -135_000, through: 292_000, by: 97) {
            let components = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            #expect(Runner.civilDate(daysSinceEpoch: days) == BriefDate(year: components.year ?? 0, month: components.month, day: components.day),
                    "day \(days)")
        }
        #expect(Runner.civilDate(daysSinceEpoch: 0) == BriefDate(year: 1970, month: 1, day: 1))
        #expect(Runner.civilDate(daysSinceEpoch: 20_788) == BriefDate(year: 2026, month: 12, day: 1))
    }
}

@Suite("Command line")
struct CLITests {
    func exitCode(_ arguments: [String]) async -> Int32 {
        do {
            var command = try BriefPressCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return BriefPressCommand.exitCode(for: error).rawValue
        }
    }

    @Test("build exits 0 on a clean site and writes output/")
    func buildClean() async throws {
        let site = try TestSite.example()
        defer { site.remove() }
        setenv("BRIEFPRESS_THEMES", TestSite.themes.path, 1)
        #expect(await exitCode(["build", site.root.path, "--quiet"]) == 0)
        #expect(site.read("briefs/integrationschampions/index.html") != nil)
    }

    @Test("check exits 1 on content errors and writes nothing")
    func checkErrors() async throws {
        let site = try TestSite(files: ["content/briefs/x.md": "---\ntitle: X\ndate: 2025-13-01\n---\n"])
        defer { site.remove() }
        setenv("BRIEFPRESS_THEMES", TestSite.themes.path, 1)
        #expect(await exitCode(["check", site.root.path, "--quiet"]) == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test("a missing site folder exits 2; wrong usage exits 64")
    func toolAndUsageErrors() async {
        #expect(await exitCode(["build", "/nonexistent/briefpress-site", "--quiet"]) == 2)
        #expect(await exitCode(["build", "--format", "xml"]) == 64)
        #expect(await exitCode(["build", "--quiet", "--verbose"]) == 64)
        #expect(await exitCode(["publish"]) == 64)
    }

    @Test("help text explains the commands in plain words")
    func help() {
        let help = BriefPressCommand.helpMessage(for: BuildCommand.self)
        for option in ["--output", "--drafts", "--strict", "--format", "--quiet", "--verbose"] {
            #expect(help.contains(option), "build --help lacks \(option)")
        }
        #expect(BriefPressCommand.helpMessage().contains("check"))
    }
}

@Suite("doi commands")
struct DOICommandTests {
    func exitCode(_ arguments: [String]) -> Int32 {
        do {
            var command = try BriefPressCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch {
            return BriefPressCommand.exitCode(for: error).rawValue
        }
    }

    @Test("doi check exits 0 for a valid DOI and 1 for a typo")
    func check() {
        #expect(exitCode(["doi", "check", "10.59350/v2gec-5xt36"]) == 0)
        #expect(exitCode(["doi", "check", "10.59350/v2gec-5xt37"]) == 1)
    }

    @Test("doi new refuses a malformed prefix")
    func newPrefix() {
        #expect(exitCode(["doi", "new", "/nonexistent", "--prefix", "10.5"]) == 64)
        #expect(exitCode(["doi", "new", "/nonexistent", "--prefix", "10.59350"]) == 0)
    }
}
