import BriefsCore

/// What the planner decided: the input of the HTTP layer and of the final report.
public struct LinkCheckPlan: Sendable {
    /// One written link and the target it is checked as.
    public struct Use: Sendable {
        public var occurrence: LinkOccurrence
        public var target: LinkTarget
    }

    /// Every checked link occurrence (not excluded, http(s) or DOI).
    public var uses: [Use] = []
    /// Unique targets to fetch, interleaved by host.
    public var requests: [LinkTarget] = []
    /// Targets the cache answered.
    public var cached: [LinkTarget: LinkOutcome] = [:]
    /// Problems found without the network (mailto/tel syntax, bad URLs, bad exclusions).
    public var diagnostics: [Diagnostic] = []
    /// Written links left out by an exclusion.
    public var excludedCount = 0
    /// Links with schemes that are not checked (`ftp:`).
    public var unsupportedCount = 0
}
