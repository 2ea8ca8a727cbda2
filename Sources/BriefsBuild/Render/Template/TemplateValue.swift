/// A value as a template sees it. View models hand their fields out as these instead of `Any`,
/// so rendering never casts: looking a name up is a `switch` in the view model.
enum TemplateValue: Sendable {
    /// Escaped by `{{name}}`, written as is by `{{{name}}}`.
    case text(String)
    /// Text that is UTF-8 bytes already (markup a renderer built as bytes), written without
    /// a detour through `String`, which would check every byte again.
    case utf8([UInt8])
    case number(Int)
    /// `true` shows a section once (without entering a new context), `false` hides it.
    case bool(Bool)
    /// A field without a value (`nil` in the view model): hides a section, prints nothing, and,
    /// unlike a name the view model does not have, stops the lookup here. Without it a
    /// translation link without a `title` would borrow the brief's title from the page.
    case absent
    /// A section is shown once per item; an empty list hides it.
    case list([TemplateValue])
    case object(any TemplateObject)
    /// Words by key (`page.t.recommendations`).
    case dictionary([String: String])

    static func optional(_ text: String?) -> TemplateValue { text.map(TemplateValue.text) ?? .absent }

    static func optional(_ number: Int?) -> TemplateValue { number.map(TemplateValue.number) ?? .absent }

    static func optional(_ object: (any TemplateObject)?) -> TemplateValue { object.map(TemplateValue.object) ?? .absent }

    static func objects(_ items: [some TemplateObject]) -> TemplateValue { .list(items.map { .object($0) }) }

    static func strings(_ items: [String]) -> TemplateValue { .list(items.map(TemplateValue.text)) }
}

/// A view model: answers the names templates use. View models are classes: a
/// `TemplateValue` holding one is then a pointer, and copying it while templates look names
/// up is a retain instead of copying a boxed existential (a tenth of the page template's time).
protocol TemplateObject: AnyObject, Sendable {
    /// The value of `key`, or `nil` when this object has no such field (the lookup then goes on
    /// to the enclosing objects, as Mustache does).
    func value(forKey key: String) -> TemplateValue?
    /// The same for a name that is one of the view models' fields (`TemplateField`).
    func value(for field: TemplateField) -> TemplateValue?
}

extension TemplateObject {
    /// Objects that answer names only (the tests' own) answer fields by their name.
    func value(for field: TemplateField) -> TemplateValue? { value(forKey: field.rawValue) }
}

/// A view model: answers fields with a `switch` over `TemplateField`; other names it does not
/// have. (It must implement `value(for:)`: the two defaults call each other.)
protocol FieldTemplateObject: TemplateObject {}

extension FieldTemplateObject {
    func value(forKey key: String) -> TemplateValue? { TemplateField.named(key).flatMap { value(for: $0) } }
}
