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

    @Test("Written out digit by digit, every date reads as zero-padded numbers joined by hyphens, full or not")
    func writtenOut() {
        // The reference: the padded numbers joined as strings.
        func reference(_ year: Int, _ month: Int?, _ day: Int?) -> String {
            var text = year.zeroPadded(4)
            if let month { text += "-" + month.zeroPadded(2) }
            if let day { text += "-" + day.zeroPadded(2) }
            return text
        }
        let years = [0, 7, 42, 999, 1000, 1582, 1999, 2025, 9999, 10000, 123_456, -1, -2025]
        let parts: [Int?] = [nil, 0, 1, 9, 10, 12, 29, 31, 99, 100, -1]
        for year in years {
            for month in parts {
                for day in parts {
                    var date = BriefDate(year: year, month: month)
                    date.day = day
                    #expect(date.description == reference(year, month, day), "\(year) \(String(describing: month)) \(String(describing: day))")
                    #expect(date.fullISO == reference(year, month ?? 1, day ?? 1))
                }
            }
        }
        #expect(BriefDate(year: 2025, month: 6, day: 4).description == "2025-06-04")
        #expect(BriefDate(year: 2025).fullISO == "2025-01-01")
    }

    @Test("Dates order by their parts; a month sorts before its days")
    func ordering() throws {
        let month = try BriefDate.parse("2025-06").get()
        let day = try BriefDate.parse("2025-06-02").get()
        #expect(month < day)
        #expect(try BriefDate.parse("2024").get() < month)
    }
}
