import BriefsCore

/// One link as written in a brief: the input of the external check. The CLI makes these from
/// `BuildReport.externalLinks`, so this module needs only BriefsCore, not the whole pipeline.
public struct LinkOccurrence: Sendable, Hashable {
    /// The destination exactly as the editor wrote it.
    public var destination: String
    /// Where it is written (`content/briefs/x.md:12:5`).
    public var location: SourceLocation

    public init(destination: String, location: SourceLocation) {
        self.destination = destination
        self.location = location
    }
}
