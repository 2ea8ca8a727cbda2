/// A position in a site file, as editors see it: 1-based line and column, columns counted in
/// Unicode scalars (the unit Yams uses; Markdown byte columns are converted at the C boundary).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Path relative to the site root, with `/` separators (`content/briefs/housing.md`).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A value read from a site file together with where it was written, so later stages can point
/// at it (a translation slug, an affiliation id, a DOI).
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation
    /// Length of the written value in Unicode scalars, for the `^~~~` underline.
    public var length: Int

    public init(_ value: Value, at location: SourceLocation, length: Int = 1) {
        self.value = value
        self.location = location
        self.length = max(1, length)
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
