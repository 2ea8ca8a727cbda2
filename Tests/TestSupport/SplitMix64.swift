/// A seeded generator (SplitMix64) for the generated-input tests of every test target: the same
/// inputs on every run, so a failure can be reproduced.
public struct SplitMix64 {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// A number in `0..<bound`.
    public mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}

extension SplitMix64 {
    /// Each piece alone, the empty text, and `count` texts of up to 23 pieces drawn with the seed.
    public static func texts(from pieces: [String], seed: UInt64, count: Int = 3000) -> [String] {
        var generator = SplitMix64(state: seed)
        var texts = pieces + [""]
        for _ in 0..<count { texts.append((0..<generator.next(24)).map { _ in generator.pick(pieces) }.joined()) }
        return texts
    }
}
