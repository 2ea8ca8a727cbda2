import BriefsCore
import Testing

@Suite("XXH64")
struct XXH64Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var bytes: [UInt8]
        var expected: UInt64
        var testDescription: String { "\(bytes.count) bytes" }
    }

    /// Reference values from the xxhash Python package (the C reference implementation).
    static let vectors: [Vector] = [
        Vector(bytes: [], expected: 0xef46_db37_51d8_e999),
        Vector(bytes: Array("a".utf8), expected: 0xd24e_c4f1_a98c_6e5b),
        Vector(bytes: Array("abc".utf8), expected: 0x44bc_2cf5_ad77_0999),
        Vector(bytes: Array("Nobody inspects the spammish repetition".utf8), expected: 0xfbce_a83c_8a37_8bf1),
        Vector(bytes: Array(repeating: UInt8(ascii: "x"), count: 31), expected: 0x60dd_0d01_083b_99f0),
        Vector(bytes: Array(repeating: UInt8(ascii: "y"), count: 32), expected: 0x64da_1f1d_3495_ce66),
        Vector(bytes: Array(repeating: UInt8(ascii: "z"), count: 33), expected: 0xc524_1253_c64e_0268),
        Vector(bytes: (0..<768).map { UInt8($0 % 256) }, expected: 0x8e03_c838_c596_036f),
    ]

    @Test("matches the reference implementation for short, block-sized and long inputs", arguments: vectors)
    func reference(vector: Vector) {
        #expect(XXH64.hash(vector.bytes) == vector.expected)
    }

    @Test("feeding in pieces gives the same hash as one call; the seed changes it")
    func pieces() {
        let bytes = Array((0..<768).map { UInt8($0 % 256) })
        for cut in [0, 1, 7, 31, 32, 33, 100, 767] {
            var hasher = XXH64()
            hasher.update(Array(bytes[..<cut]))
            hasher.update(Array(bytes[cut...]))
            #expect(hasher.finalize() == 0x8e03_c838_c596_036f, "cut at \(cut)")
        }
        // Many small pieces: the unconsumed bytes fill up and empty again many times.
        for step in [1, 3, 5, 13, 31] {
            var hasher = XXH64()
            for start in stride(from: 0, to: bytes.count, by: step) {
                hasher.update(Array(bytes[start..<min(bytes.count, start + step)]))
            }
            #expect(hasher.finalize() == 0x8e03_c838_c596_036f, "pieces of \(step)")
        }
        for length in [0, 1, 4, 8, 12, 31, 32, 33, 63] {
            var hasher = XXH64(seed: 3)
            for byte in bytes[..<length] { hasher.update([byte]) }
            #expect(hasher.finalize() == XXH64.hash(Array(bytes[..<length]), seed: 3), "\(length) bytes one by one")
        }
        #expect(XXH64.hash(Array("abc".utf8), seed: 7) == 0x9e75_5206_1566_76d7)
        #expect(XXH64.hash("abc") == 0x44bc_2cf5_ad77_0999)
        #expect(UInt64(0xab).hex16 == "00000000000000ab")
    }
}
