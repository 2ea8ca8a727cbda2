import ArgumentParser
import BriefsCheck
import Foundation

/// Options of the external link check, shared by `check --external` and `build --check-external`.
struct ExternalCheckOptions: ParsableArguments {
    @Option(name: .customLong("max-age"),
            help: ArgumentHelp("Re-check links whose cached result is older than this (7d, 12h, 30m; failures at most 1d).",
                               valueName: "duration"))
    var maxAge: String?

    @Option(name: .customLong("exclude"), help: ArgumentHelp(
        "Do not check links matching this regular expression (repeatable; adds to linkcheck.exclude in site.yaml).",
        valueName: "regex"))
    var exclude: [String] = []

    @Option(name: .customLong("link-concurrency"), help: "External requests in flight at once (all hosts).")
    var concurrency = 16

    @Option(name: .customLong("link-per-host"), help: "External requests in flight at once to one host.")
    var perHost = 2

    @Option(name: .customLong("link-interval"), help: ArgumentHelp(
        "Minimum time between two requests to one host, in milliseconds.", valueName: "ms"))
    var intervalMilliseconds = 100

    @Option(name: .customLong("link-timeout"), help: ArgumentHelp(
        "Seconds a server has to answer one request.", valueName: "seconds"))
    var timeoutSeconds = 20

    func validate() throws {
        if let maxAge, LinkCheckOptions.parseDuration(maxAge) == nil {
            throw ValidationError("--max-age '\(maxAge)' is not a duration; write it like 7d, 12h, 30m or 45s")
        }
        for pattern in exclude where (try? NSRegularExpression(pattern: pattern)) == nil {
            throw ValidationError("--exclude '\(pattern)' is not a valid regular expression")
        }
        if concurrency < 1 || perHost < 1 || intervalMilliseconds < 0 || timeoutSeconds < 1 {
            throw ValidationError("--link-concurrency, --link-per-host and --link-timeout must be at least 1, --link-interval at least 0")
        }
    }

    /// Whether any of these options was given, to tell the user they do nothing without the check.
    var isUsed: Bool {
        maxAge != nil || !exclude.isEmpty || concurrency != 16 || perHost != 2 || intervalMilliseconds != 100
            || timeoutSeconds != 20
    }

    /// The checker's options; the DOI resolver can be moved with `BRIEFPRESS_DOI_RESOLVER` (for tests
    /// and mirrors).
    func checkOptions(environment: [String: String]) -> LinkCheckOptions {
        var options = LinkCheckOptions()
        if let maxAge, let age = LinkCheckOptions.parseDuration(maxAge) { options.setMaxAge(age) }
        options.totalConcurrency = concurrency
        options.perHostConcurrency = perHost
        options.minimumInterval = .milliseconds(intervalMilliseconds)
        options.requestTimeout = .seconds(timeoutSeconds)
        options.connectTimeout = .seconds(min(10, timeoutSeconds))
        if let resolver = environment["BRIEFPRESS_DOI_RESOLVER"], !resolver.isEmpty, let url = URL(string: resolver) {
            options.doiResolver = url
        }
        return options
    }
}
