import ArgumentParser
@testable import BriefsCLI
import Testing
import TestSupport

/// `QuickArguments` reads everyday `build` lines without the argument parser; it must never
/// read a line differently from it, and must leave every line it is unsure of to it.
@Suite("Quick reading of build command lines")
struct QuickArgumentsTests {
    /// What the argument parser makes of a line, or `nil` when it rejects it or it is no build.
    func parsed(_ arguments: [String]) -> BuildRequest? {
        guard let command = try? BriefPressCommand.parseAsRoot(arguments) as? BuildCommand else { return nil }
        return command.checkExternal ? nil : command.request
    }

    @Test("everyday lines are read as the argument parser reads them")
    func agreesOnEverydayLines() throws {
        let lines: [[String]] = [
            ["build"],
            ["build", "."],
            ["build", "site", "--no-pdf", "--quiet"],
            ["build", "/tmp/site", "-o", "/tmp/out", "--no-pdf", "--quiet"],
            ["build", "--output=out", "site"],
            ["build", "-q", "--drafts", "--strict", "--no-cache", "--format", "json"],
            ["build", "--format=sarif", "-v", "--jobs", "3"],
            ["build", "-j", "1", "--output", "x y", "my site"],
            ["build", "--jobs=12", "--no-pdf"],
        ]
        for line in lines {
            let quick = try #require(QuickArguments.build(line), "\(line) was not read")
            #expect(quick == parsed(line), "\(line)")
        }
        let read = try #require(QuickArguments.build(["build", "s", "-o", "o", "-j", "2", "--format", "github", "-q", "--no-pdf"]))
        #expect(read.settings == RunSettings(site: "s", format: .github, quiet: true, jobs: 2))
        #expect(read.output == "o" && read.noPDF)
    }

    @Test("lines with help, mistakes or rarer options are left to the argument parser")
    func leavesTheRestToTheParser() {
        let lines: [[String]] = [
            [], ["check"], ["serve"], ["--version"], ["help"], ["build", "help"], ["build", "--help"], ["build", "-h"],
            ["build", "--quiet", "--verbose"], ["build", "-q", "-q"], ["build", "--no-pdf", "--no-pdf"], ["build", "-qv"],
            ["build", "--jobs", "0"], ["build", "--jobs", "x"], ["build", "--jobs", "-1"], ["build", "--jobs"],
            ["build", "--format", "xml"], ["build", "--format"], ["build", "-o"], ["build", "--output="],
            ["build", "a", "b"], ["build", ""], ["build", "--"], ["build", "-"], ["build", "--nopdf"],
            ["build", "--check-external"], ["build", "--check-external", "--timeout", "3"],
            ["build", "--drafts=yes"], ["build", "-o", "-x"], ["build", "-ox"], ["build", "--output", "a", "-o", "b"],
        ]
        for line in lines {
            #expect(QuickArguments.build(line) == nil, "\(line) should go to the argument parser")
        }
    }

    /// A thousand lines made from the tokens editors type, in every order: whenever the quick
    /// reader accepts one, the argument parser accepts it too and means the same.
    @Test("never disagrees with the argument parser on generated lines")
    func neverDisagrees() {
        let tokens = ["site", "other", "--no-pdf", "--drafts", "--strict", "-q", "--quiet", "-v", "--verbose", "--no-cache",
                      "-o", "out", "--output", "--output=o2", "--format", "json", "--format=text", "text", "-j", "2",
                      "--jobs", "0", "--jobs=4", "--help", "help", "-", "--", "--check-external", "x"]
        var generator = SplitMix64(state: 9)
        var accepted = 0
        for _ in 0..<1000 {
            let line = ["build"] + (0..<generator.next(6)).map { _ in generator.pick(tokens) }
            guard let quick = QuickArguments.build(line) else { continue }
            accepted += 1
            #expect(quick == parsed(line), "\(line)")
        }
        #expect(accepted > 100, "only \(accepted) lines were read")
    }
}
