/// Why the output could not be written; the tool reports these with exit code 2.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
