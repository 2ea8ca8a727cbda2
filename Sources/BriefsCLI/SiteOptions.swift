import ArgumentParser
import BriefsBuild
import BriefsCore
import Foundation

/// Options shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The site folder, containing content/site.yaml and content/briefs/.", valueName: "site"))
    var site: String = "."

    @Flag(name: .long, help: "Include briefs marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors (use this before a release).")
    var strict = false

    @Option(name: .long, help: "How problems are reported: text (for people), json, junit, sarif or github (for tools and CI).")
    var format: OutputFormat = .text

    @Flag(name: .shortAndLong, help: "Print only problems, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print each step of the build, with its time.")
    var verbose = false

    @Flag(name: .long, help: "Decode and render every brief again instead of reusing unchanged ones from .briefpress/build-cache.")
    var noCache = false

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "How many briefs are decoded and rendered at once (default: one per processor core).", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    var siteRoot: URL { settings.siteRoot }

    /// The parsed values as plain data, for the `Runner`.
    var settings: RunSettings {
        RunSettings(site: site, drafts: drafts, strict: strict, format: format, quiet: quiet, verbose: verbose,
                    noCache: noCache, jobs: jobs)
    }
}

/// What `SiteOptions` says, without the argument parser's property wrappers: a `Runner` can be
/// given these by `QuickArguments` as well as by a parsed command.
struct RunSettings: Equatable {
    var site = "."
    var drafts = false
    var strict = false
    var format: OutputFormat = .text
    var quiet = false
    var verbose = false
    var noCache = false
    var jobs: Int?

    var siteRoot: URL {
        URL(fileURLWithPath: site, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}
