import BriefsCore

/// What the external check found.
public struct LinkCheckResult: Sendable {
    /// Counts for the summary line and the benchmark.
    public struct Statistics: Sendable, Equatable {
        /// Written links checked (after exclusions; `mailto:`/`tel:` not counted).
        public var links: Int
        /// Unique targets among them.
        public var targets: Int
        /// Targets asked over the network in this run.
        public var fetched: Int
        /// Targets answered by the cache.
        public var fromCache: Int
        /// Written links left out by an exclusion.
        public var excluded: Int
        /// Hosts asked in this run.
        public var hosts: Int
    }

    /// Problems at the positions of the written links, sorted.
    public var diagnostics: [Diagnostic]
    /// The cache with this run's verdicts added; the caller saves it.
    public var cache: LinkCache
    /// The verdict on every target, fetched or from the cache.
    public var outcomes: [LinkTarget: LinkOutcome]
    public var statistics: Statistics
}
