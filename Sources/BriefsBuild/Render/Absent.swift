import Mustache

/// A missing value that a template sees as false and prints as nothing. Returning plain `nil`
/// from `child(named:)` would make Mustache look the name up in the enclosing objects, so a
/// translation link without a `title` would silently borrow the brief's title.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }

    static func wrap<Value>(_ value: Value?) -> Any {
        guard let value else { return Absent() }
        return value
    }
}
