import Testing
import TestSupport
@testable import BriefsCore

@Suite("Text origins")
struct TextOriginTests {
    typealias FilePoint = TextOrigin.FilePoint

    @Test("character runs give back every character's file position")
    func runsKeepEveryPosition() {
        var random = SplitMix64(state: 9)
        for _ in 0..<200 {
            // Positions as the alignment makes them: mostly the next column, sometimes the same
            // one again (a character it did not find), a jump ahead on the line, or a later line.
            var points: [FilePoint] = []
            var point = FilePoint(line: 1 + random.next(5), column: 1 + random.next(30))
            for _ in 0..<(1 + random.next(120)) {
                points.append(point)
                switch random.next(10) {
                case 0: break
                case 1: point.column += 2 + random.next(4)
                case 2:
                    point.line += 1 + random.next(2)
                    point.column = 1 + random.next(8)
                default: point.column += 1
                }
            }
            var runs = TextOrigin.CharacterRuns()
            for point in points { runs.add(point) }
            #expect(runs.count == points.count)
            #expect(runs.runs.count <= points.count)
            for (index, point) in points.enumerated() {
                #expect(TextOrigin.position(of: index, in: runs.runs) == point)
            }
        }
    }

    @Test("a line's characters in consecutive columns are one run")
    func consecutiveColumnsShareARun() {
        var runs = TextOrigin.CharacterRuns()
        for column in 5..<45 { runs.add(FilePoint(line: 3, column: column)) }
        for column in 3..<20 { runs.add(FilePoint(line: 4, column: column)) }
        #expect(runs.runs == [TextOrigin.CharacterRun(offset: 0, start: FilePoint(line: 3, column: 5)),
                              TextOrigin.CharacterRun(offset: 40, start: FilePoint(line: 4, column: 3))])
    }
}
