import Testing
@testable import BriefsCore

@Suite("Dates")
struct BriefDateTests {
    @Test("All three written forms keep their precision")
    func forms() throws {
        #expect(try BriefDate.parse("2025").get().description == "2025")
        #expect(try BriefDate.parse("2025-06").get().description == "2025-06")
        #expect(try BriefDate.parse("2025-06-14").get().description == "2025-06-14")
        #expect(try BriefDate.parse("2024-02-29").get().day == 29)
    }

    @Test("Impossible dates are refused with the reason")
    func invalid() {
        #expect(BriefDate.parse("2025-13-01") == .failure(.month(13)))
        #expect(BriefDate.parse("2025-02-30") == .failure(.day(30, month: 2, year: 2025)))
        #expect(BriefDate.parse("2025-02-29") == .failure(.day(29, month: 2, year: 2025)))
        #expect(BriefDate.parse("14.06.2025") == .failure(.format))
        #expect(BriefDate.parse("2025-6") == .failure(.format))
        #expect(BriefDate.ParseError.month(13).reason.contains("month 13"))
    }

    @Test("Dates order by their parts; a month sorts before its days")
    func ordering() throws {
        let month = try BriefDate.parse("2025-06").get()
        let day = try BriefDate.parse("2025-06-02").get()
        #expect(month < day)
        #expect(try BriefDate.parse("2024").get() < month)
    }
}
