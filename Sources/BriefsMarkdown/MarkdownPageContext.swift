/// Page-wide state shared by every fragment rendered onto one HTML page.
///
/// A brief page holds many fragments (lede, recommendations, background sections).
/// Passing one context `inout` through all of them keeps fragment ids unique on the
/// page and footnote numbers continuous, without any global state.
public struct MarkdownPageContext: Sendable, Equatable {
    /// Every id already used on the page, including the reserved ones.
    public private(set) var usedIDs: Set<String>
    /// How many footnotes the page has so far; the next fragment numbers from here.
    public var footnoteCount: Int
    /// The next suffix worth trying per base id, so the thousandth "Summary" does not
    /// retry all 999 taken suffixes first.
    private var nextSuffix: [String: Int] = [:]

    /// Creates a context for a new page.
    ///
    /// - Parameter reservedIDs: ids the page template uses itself (e.g. `"recommendations"`,
    ///   `"cite"`), so no heading can take them.
    public init(reservedIDs: Set<String> = []) {
        self.usedIDs = reservedIDs
        self.footnoteCount = 0
    }

    /// Returns the slug of `text`, made unique on the page with `-2`, `-3` …, and marks it used.
    public mutating func uniqueID(for text: String) -> String {
        claim(Slug.make(text))
    }

    /// Returns `id` itself if it is still free, otherwise the first free `id-2`, `id-3` …,
    /// and marks the result used.
    public mutating func claim(_ id: String) -> String {
        // One hash of the id, not two: inserted unless taken (the usual case).
        if usedIDs.insert(id).inserted { return id }
        // Used ids are never released, so every suffix below `nextSuffix` is still taken.
        var suffix = nextSuffix[id] ?? 2
        var candidate = "\(id)-\(suffix)"
        while usedIDs.contains(candidate) {
            suffix += 1
            candidate = "\(id)-\(suffix)"
        }
        nextSuffix[id] = suffix + 1
        usedIDs.insert(candidate)
        return candidate
    }
}
