/// Values kept until the process exits (see `BuildOptions.freesMemoryWhenDone`): one reference
/// that is never released, so the values' storage is not taken apart when the build returns.
final class ProcessLifetime: @unchecked Sendable {
    private let values: [Any]

    private init(_ values: [Any]) { self.values = values }

    static func keep(_ values: Any...) { _ = Unmanaged.passRetained(ProcessLifetime(values)) }
}
