import ArgumentParser
import Foundation

/// `briefpress`: the root command. Subcommands parse arguments, call the library and map the
/// outcome to an exit code; all logic lives in BriefsBuild so it can be tested in-process.
public struct BriefPressCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "briefpress",
        abstract: "Turn a folder of Markdown policy briefs into a website.",
        discussion: """
            A site folder has content/site.yaml (site settings) and content/briefs/<name>.md, one file \
            per brief. Start with 'briefpress build' in that folder and open output/index.html.

            Exit codes: 0 no problems, 1 problems in the content (or warnings with --strict), \
            2 briefpress could not run (files, permissions), 64 wrong command-line usage.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, DOICommand.self]
    )

    public init() {}

    /// The executable's entry: everyday `build` lines start the build at once (`QuickArguments`),
    /// every other line goes through the argument parser.
    public static func start(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        if let request = QuickArguments.build(arguments) {
            Foundation.exit(await request.run(external: nil))
        }
        await main(arguments)
    }
}
