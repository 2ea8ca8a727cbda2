/// An immutable value behind one reference. A struct that holds its fields in one (`BuildCache.Entry`,
/// `RenderRecord`) is copied with one reference count instead of one per field; changing a
/// field makes a new box, so the struct keeps value semantics.
final class Boxed<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }
}
