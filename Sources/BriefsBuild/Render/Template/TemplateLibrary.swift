import Foundation

/// A theme's templates, parsed once when the theme loads, rendered against `TemplateValue`s.
///
/// This is Mustache as swift-mustache renders it (the theme's syntax is checked with
/// swift-mustache, and the tests render every theme template with both and compare), written
/// for speed: names are split when the theme loads, view models answer through a `switch`
/// instead of casts from `Any`, and output is built as UTF-8 bytes. Rendering the brief page
/// with swift-mustache was a quarter of a full build.
struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]
    /// The names of the `{{$blocks}}` each template has (outside its partials).
    private var blocks: [String: Set<String>] = [:]

    init() {}

    mutating func register(_ nodes: [TemplateNode], named name: String) {
        templates[name] = nodes
        blocks[name] = Self.blockNames(nodes)
    }

    private static func blockNames(_ nodes: [TemplateNode]) -> Set<String> {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case .block(let name, let content, _):
                names.insert(name)
                names.formUnion(blockNames(content))
            case .section(_, let content, _):
                names.formUnion(blockNames(content))
            default:
                continue
            }
        }
        return names
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Renders template `name` with `root` as the outermost context; `nil` if there is no such template.
    func render(_ root: TemplateValue, template name: String) -> String? {
        renderUTF8(root, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render(_:template:)` as UTF-8, for text that goes into a file as it is.
    /// `capacity`: about how many bytes to expect (a large page then grows without being copied).
    func renderUTF8(_ root: TemplateValue, template name: String, capacity: Int = 0) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: root)
        renderer.output.reserveCapacity(capacity)
        renderer.render(nodes, escaping: true, indentation: nil, overrides: nil, sequence: nil)
        return renderer.output
    }

    /// Renders template `name` (as UTF-8), and returns besides the text what the partial
    /// `partial` printed where the page includes it exactly as it would print on its own (not
    /// indented, not inside a section, no block of it overridden): the brief page includes
    /// `brief-body`, whose text the feeds need too, and it is then rendered only once.
    func render(_ root: TemplateValue, template name: String, capturing partial: String) -> ([UInt8], ArraySlice<UInt8>?)? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: root)
        renderer.capture = TemplateRenderer.Capture(name: partial, blocks: blocks[partial] ?? [])
        renderer.render(nodes, escaping: true, indentation: nil, overrides: nil, sequence: nil)
        let output = renderer.output
        return (output, renderer.capture?.range.map { output[$0] })
    }

    fileprivate func nodes(named name: String) -> [TemplateNode]? { templates[name] }
}

/// Where an item stands in the list a section shows (`{{#first()}}`, `{{index()}}`).
private struct SequencePosition {
    var index: Int
    var isLast: Bool
}

private struct TemplateRenderer {
    struct Capture {
        var name: String
        var blocks: Set<String>
        var range: Range<Int>?
    }

    let library: TemplateLibrary
    /// The items entered by sections, innermost last.
    var stack: [TemplateValue]
    /// UTF-8, written into the page's file as it is: appending to a `String` cost a few hundred
    /// instructions a piece, and a page has hundreds of pieces.
    var output: [UInt8] = []
    var capture: Capture?

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode], escaping initialEscaping: Bool, indentation: [UInt8]?,
                         overrides: [String: [TemplateNode]]?, sequence: SequencePosition?) {
        var escaping = initialEscaping
        let start = output.count
        for node in nodes {
            let before = output.count
            render(node, escaping: &escaping, indentation: indentation, overrides: overrides, sequence: sequence)
            // A partial alone on an indented line indents every line it prints, as swift-mustache
            // does: a piece that starts a new line of this template's output gets the indentation.
            if let indentation, !indentation.isEmpty, output.count > before, before > start,
               output[before - 1] == UInt8(ascii: "\n") {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, escaping: inout Bool, indentation: [UInt8]?,
                                 overrides: [String: [TemplateNode]]?, sequence: SequencePosition?) {
        switch node {
        case .text(let text):
            output.append(contentsOf: text)
        case .variable(let name, let escaped):
            guard let value = lookup(name, sequence: sequence) else { return }
            write(value, escaped: escaped && escaping)
        case .section(let name, let content, let inverted):
            let value = lookup(name, sequence: sequence)
            if inverted {
                renderInverted(value, content, escaping: escaping, indentation: indentation, overrides: overrides,
                               sequence: sequence)
            } else {
                renderSection(value, content, escaping: escaping, indentation: indentation, overrides: overrides,
                              sequence: sequence)
            }
        case .block(let name, let defaultContent, let blockIndentation):
            let content = overrides?[name] ?? defaultContent
            render(content, escaping: escaping, indentation: Self.join(indentation, blockIndentation),
                   overrides: overrides, sequence: nil)
        case .partial(let name, let partialIndentation, let partialOverrides, let dynamic):
            var templateName = name
            if dynamic {
                guard case .text(let named)? = lookup(TemplateName(name, transforms: []), sequence: sequence) else { return }
                templateName = named
            }
            guard let content = library.nodes(named: templateName) else { return }
            // The outermost override of a block wins.
            var merged = overrides
            if let partialOverrides {
                merged = overrides.map { $0.merging(partialOverrides) { outer, _ in outer } } ?? partialOverrides
            }
            let partialIndent = Self.join(indentation, partialIndentation)
            let start = output.count
            render(content, escaping: true, indentation: partialIndent, overrides: merged, sequence: nil)
            if let capture, capture.range == nil, capture.name == templateName, !dynamic, stack.count == 1,
               partialIndent?.isEmpty ?? true, capture.blocks.isDisjoint(with: merged?.keys ?? [:].keys) {
                self.capture?.range = start..<output.count
            }
        case .escaping(let value):
            escaping = value
        }
    }

    private static func join(_ outer: [UInt8]?, _ inner: [UInt8]?) -> [UInt8]? {
        guard let inner else { return outer }
        return (outer ?? []) + inner
    }

    private mutating func renderSection(_ value: TemplateValue?, _ content: [TemplateNode], escaping: Bool,
                                        indentation: [UInt8]?, overrides: [String: [TemplateNode]]?,
                                        sequence: SequencePosition?) {
        switch value {
        case nil, .absent?, .bool(false)?:
            return
        case .bool(true)?:
            // Not a new context: `{{#first()}}` still knows where it is in the list.
            render(content, escaping: escaping, indentation: indentation, overrides: overrides, sequence: sequence)
        case .list(let items)?:
            for (index, item) in items.enumerated() {
                stack.append(item)
                render(content, escaping: escaping, indentation: indentation, overrides: overrides,
                       sequence: SequencePosition(index: index, isLast: index == items.count - 1))
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            render(content, escaping: escaping, indentation: indentation, overrides: overrides, sequence: nil)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ content: [TemplateNode], escaping: Bool,
                                         indentation: [UInt8]?, overrides: [String: [TemplateNode]]?,
                                         sequence: SequencePosition?) {
        switch value {
        case nil, .absent?, .bool(false)?:
            render(content, escaping: escaping, indentation: indentation, overrides: overrides, sequence: sequence)
        case .list(let items)? where items.isEmpty:
            stack.append(.list([]))
            render(content, escaping: escaping, indentation: indentation, overrides: overrides, sequence: nil)
            stack.removeLast()
        default:
            return
        }
    }

    // MARK: - Names

    private func lookup(_ name: TemplateName, sequence: SequencePosition?) -> TemplateValue? {
        var value: TemplateValue?
        switch name.kind {
        case .current:
            value = stack.last
        case .sequence:
            // `plusone(index())`: the innermost transform reads the position, the others its value.
            guard let sequence, let innermost = name.transforms.last,
                  var result = Self.transform(sequence, innermost) else { return nil }
            for transform in name.transforms.dropLast().reversed() {
                guard let transformed = Self.transform(result, transform) else { return nil }
                result = transformed
            }
            return result
        case .currentOnly:
            value = stack.last.flatMap { Self.follow(name.components[...], from: $0) }
        case .path:
            guard let first = name.components.first else { return nil }
            for item in stack.reversed() {
                if let found = Self.child(first, of: item) {
                    value = Self.follow(name.components.dropFirst(), from: found)
                    break
                }
            }
        }
        guard var result = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = Self.transform(result, transform) else { return nil }
            result = transformed
        }
        return result
    }

    private static func follow(_ names: ArraySlice<TemplateKey>, from value: TemplateValue) -> TemplateValue? {
        var current = value
        for name in names {
            guard let next = child(name, of: current) else { return nil }
            current = next
        }
        return current
    }

    private static func child(_ key: TemplateKey, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case .object(let object): key.field.map { object.value(for: $0) } ?? object.value(forKey: key.name)
        case .dictionary(let words): words[key.name].map(TemplateValue.text)
        default: nil
        }
    }

    /// swift-mustache's transforms: `uppercased(name)`, `count(list)`, `plusone(number)`, ….
    private static func transform(_ value: TemplateValue, _ name: String) -> TemplateValue? {
        switch value {
        case .utf8(let bytes):
            return transform(.text(String(decoding: bytes, as: UTF8.self)), name)
        case .text(let text):
            switch name {
            case "empty": return .bool(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case .number(let number):
            switch name {
            case "equalzero": return .bool(number == 0)
            case "plusone": return .number(number + 1)
            case "minusone": return .number(number - 1)
            case "even": return .bool(number & 1 == 0)
            case "odd": return .bool(number & 1 == 1)
            default: return nil
            }
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .list(items.reversed())
            case "count": return .number(items.count)
            case "empty": return .bool(items.isEmpty)
            default: return nil
            }
        case .dictionary(let words):
            switch name {
            case "count": return .number(words.count)
            case "empty": return .bool(words.isEmpty)
            default: return nil
            }
        default:
            return nil
        }
    }

    private static func transform(_ sequence: SequencePosition, _ name: String) -> TemplateValue? {
        switch name {
        case "first": return .bool(sequence.index == 0)
        case "last": return .bool(sequence.isLast)
        case "index": return .number(sequence.index)
        case "even": return .bool(sequence.index & 1 == 0)
        case "odd": return .bool(sequence.index & 1 == 1)
        default: return nil
        }
    }

    // MARK: - Output

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { Self.appendEscaped(text, to: &output) } else { Self.append(text, to: &output) }
        case .utf8(let bytes):
            if escaped {
                bytes.withUnsafeBufferPointer { output.appendEscapedMarkup($0, xml: false) }
            } else {
                output.append(contentsOf: bytes)
            }
        case .number(let number):
            Self.append(String(number), to: &output)
        case .bool(let flag):
            Self.append(flag ? "true" : "false", to: &output)
        case .absent, .list, .object, .dictionary:
            return
        }
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    /// `<`, `>`, `&`, `"` and `'` as swift-mustache escapes them.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.appendEscapedMarkup($0, xml: false) }
    }
}
