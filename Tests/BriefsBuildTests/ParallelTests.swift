@testable import BriefsBuild
import Testing

/// `Parallel.mapParts`, which decodes and encodes the build cache and checks links on every
/// core: the parts cover every item once, in order, whatever the count.
@Suite("Parallel parts")
struct ParallelTests {
    @Test("the parts cover 0..<count once and in order; the results come back in part order",
          arguments: [(1, 256), (2, 256), (3, 1), (8, 129)])
    func parts(parts: Int, minimum: Int) {
        for count in [0, 1, 2, 128, 129, 255, 256, 257, 1000, 1001] {
            let ranges = Parallel.mapParts(count: count, parts: parts, minimum: minimum) { $0 }
            #expect(ranges.flatMap { Array($0) } == Array(0..<count), "count \(count)")
            #expect(ranges.count == (count >= minimum ? parts : 1), "count \(count)")
            let sums = Parallel.mapParts(count: count, parts: parts, minimum: minimum) { range in range.reduce(0, +) }
            #expect(sums.reduce(0, +) == (0..<count).reduce(0, +), "count \(count)")
        }
    }
}
