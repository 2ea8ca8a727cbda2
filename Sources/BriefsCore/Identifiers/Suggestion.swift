/// "Did you mean …?": the closest candidate by edit distance, if it is close enough to be a typo.
public enum Suggestion {
    public static func closest(to text: String, among candidates: [String], caseInsensitive: Bool = false) -> String? {
        let source = caseInsensitive ? text.lowercased() : text
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let target = caseInsensitive ? candidate.lowercased() : candidate
            let distance = editDistance(Array(source), Array(target))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // Allow about one typo per three letters, at least one: 'titel' → 'title', never 'foo' → 'doi'.
        let allowed = max(1, min(source.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Damerau-Levenshtein distance (optimal string alignment): swapped letters count as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.count > 200 || b.count > 200 { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
