@testable import BriefsBuild
import Foundation
import Testing

/// `Builder.orderedMap`, which renders the briefs: every item once, results in input order,
/// tasks only for items without an immediate result, the changed ones started first.
@Suite("Ordered map")
struct OrderedMapTests {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var transformed: [Int] = []
        func add(_ index: Int) { lock.withLock { transformed.append(index) } }
        var all: [Int] { lock.withLock { transformed } }
    }

    @Test("each item is consumed once and in order, whatever is immediate, early or slow", arguments: [1, 2, 4])
    func order(width: Int) async throws {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let count = Int.random(in: 0...120, using: &generator)
            let items = Array(0..<count)
            // Most items come from the cache; some need a task (some of them slow).
            let needsTask = Set(items.filter { _ in Int.random(in: 0..<5, using: &generator) == 0 })
            let early = needsTask.sorted().filter { _ in Bool.random(using: &generator) }
            let log = Log()
            var consumed: [Int] = []
            try await Builder.orderedMap(items, width: width, early: early, immediate: { index, item in
                needsTask.contains(index) ? nil : item * 10
            }, transform: { index, item in
                log.add(index)
                if index % 3 == 0 { usleep(200) }
                return item * 10
            }, consume: { index, result in
                #expect(result == index * 10)
                consumed.append(index)
            })
            #expect(consumed == items, "round \(round)")
            #expect(log.all.sorted() == needsTask.sorted(), "round \(round)")
            // With one task at a time, the first early item is the first one transformed.
            if width == 1, let first = early.first { #expect(log.all.first == first, "round \(round)") }
        }
    }

    @Test("an error in a task ends the map with that error")
    func failure() async {
        struct Stop: Error {}
        await #expect(throws: Stop.self) {
            try await Builder.orderedMap(Array(0..<50), width: 2, early: [30], immediate: { index, _ in index == 30 ? nil : index },
                                         transform: { _, _ in throw Stop() }, consume: { _, _ in })
        }
    }
}
