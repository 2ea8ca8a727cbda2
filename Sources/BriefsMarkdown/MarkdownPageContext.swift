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
        var candidate = id
        var suffix = 2
        while usedIDs.contains(candidate) {
            candidate = "\(id)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }
}
