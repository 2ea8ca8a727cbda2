import ArgumentParser
import BriefsBuild
import BriefsCore
import Foundation

public struct BuildCommand: AsyncParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check every brief and build the website.",
        discussion: """
            Reads content/site.yaml and content/briefs/*.md and writes the website into the output \
            folder (output/ by default). Nothing is written if any brief has an error: the previous \
            output stays as it was. All problems are listed at once, each with file:line:column.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the website (default: <site>/output).", valueName: "dir"))
    var output: String?

    @Flag(name: .customLong("no-pdf"), help: "Skip the print PDFs (faster while drafting).")
    var noPDF = false

    public func run() async throws {
        let root = siteOptions.siteRoot
        let outputURL = output.map {
            URL(fileURLWithPath: $0, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
        } ?? root.appendingPathComponent("output", isDirectory: true)
        let code = await Runner(options: siteOptions, pdf: !noPDF).run(output: outputURL)
        throw ExitCode(code)
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every brief without writing anything.",
        discussion: "Runs the same checks as 'build' and reports all problems, but writes no files."
    )

    @OptionGroup var siteOptions: SiteOptions

    func run() async throws {
        let code = await Runner(options: siteOptions).run(output: nil)
        throw ExitCode(code)
    }
}
