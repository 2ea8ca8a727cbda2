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

    @Flag(name: .customLong("check-external"), help: "Also check links to other sites; a broken link stops the build like any other error.")
    var checkExternal = false

    @OptionGroup(title: "External link check") var linkOptions: ExternalCheckOptions

    public func validate() throws {
        if !checkExternal, linkOptions.isUsed {
            throw ValidationError("the external link check options need --check-external")
        }
    }

    /// The build asked for, as plain values.
    var request: BuildRequest {
        BuildRequest(settings: siteOptions.settings, output: output, noPDF: noPDF)
    }

    public func run() async throws {
        let external = checkExternal ? ExternalLinkRun(options: linkOptions, root: siteOptions.siteRoot) : nil
        throw ExitCode(await request.run(external: external))
    }
}

/// `briefpress build` with its options read: what `BuildCommand` and `QuickArguments` both make.
struct BuildRequest: Equatable {
    var settings: RunSettings
    var output: String?
    var noPDF = false

    func run(external: ExternalLinkRun?) async -> Int32 {
        let root = settings.siteRoot
        let outputURL = output.map {
            URL(fileURLWithPath: $0, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL
        } ?? root.appendingPathComponent("output", isDirectory: true)
        return await Runner(options: settings, pdf: !noPDF, external: external).run(output: outputURL)
    }
}

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every brief without writing anything.",
        discussion: """
            Runs the same checks as 'build' and reports all problems, but writes no files. With \
            --external it also asks other sites whether the briefs' links still work (politely: a few \
            requests per host at a time), remembering the answers in .briefpress/linkcheck.json.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .long, help: "Also check links to other sites (needs the network).")
    var external = false

    @OptionGroup(title: "External link check") var linkOptions: ExternalCheckOptions

    func validate() throws {
        if !external, linkOptions.isUsed { throw ValidationError("the external link check options need --external") }
    }

    func run() async throws {
        let external = external ? ExternalLinkRun(options: linkOptions, root: siteOptions.siteRoot) : nil
        let code = await Runner(options: siteOptions.settings, external: external).run(output: nil)
        throw ExitCode(code)
    }
}
