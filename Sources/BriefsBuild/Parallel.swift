import Foundation

/// Many small, independent pieces of work split into contiguous parts, one per core.
enum Parallel {
    /// `body` for each of at most `parts` contiguous ranges that together cover `0..<count`,
    /// the ranges on as many cores at once; the results in range order. Below `minimum` items
    /// there is one range, run on the calling thread (starting threads would cost more).
    static func mapParts<Result>(count: Int, parts: Int = 2, minimum: Int = 256,
                                 _ body: (Range<Int>) -> Result) -> [Result] {
        let parts = count >= minimum ? max(1, parts) : 1
        let size = (count + parts - 1) / parts
        let ranges = (0..<parts).map { min(count, $0 * size)..<min(count, ($0 + 1) * size) }
        guard parts > 1 else { return [body(ranges[0])] }
        var results = [Result?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: parts) { part in buffer[part] = body(ranges[part]) }
            }
        }
        // Every part wrote its result (`compactMap` only unwraps them).
        return results.compactMap { $0 }
    }
}
