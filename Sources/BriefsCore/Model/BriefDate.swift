import Foundation

/// A publication date as precise as the editor wrote it: `2025`, `2025-06` or `2025-06-14`.
/// Citations keep the precision (APA writes "(2025, Juni)"), so a missing day is never invented.
public struct BriefDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// ISO 8601 in the written precision: `2025`, `2025-06`, `2025-06-14`.
    public var description: String { Self.iso(year: year, month: month, day: day) }

    /// A full date for systems that need one (feeds, sitemaps): missing parts become 1.
    public var fullISO: String { Self.iso(year: year, month: month ?? 1, day: day ?? 1) }

    /// `year`, `year-month`, `year-month-day`, zero-padded to 4 and 2 digits. A brief's dates
    /// are written some thirty times over (page, exports, feeds, sitemap): digits written into
    /// ten bytes on the stack make a short string without a heap allocation, where padding and
    /// joining strings cost three hundred instructions per number.
    static func iso(year: Int, month: Int?, day: Int?) -> String {
        guard (0...9999).contains(year), month.map({ (0...99).contains($0) }) ?? true,
              day.map({ (0...99).contains($0) }) ?? true else {
            var text = year.zeroPadded(4)
            if let month { text += "-" + month.zeroPadded(2) }
            if let day { text += "-" + day.zeroPadded(2) }
            return text
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            func put(_ value: Int, digits: Int, at start: Int) {
                var value = value
                for index in stride(from: start + digits - 1, through: start, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            var count = 4
            func append(_ part: Int?) {
                guard let part else { return }
                buffer[count] = UInt8(ascii: "-")
                put(part, digits: 2, at: count + 1)
                count += 3
            }
            append(month)
            append(day)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    public static func < (lhs: BriefDate, rhs: BriefDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Strictly earlier, compared only as precisely as both dates are written: `2024` is not
    /// before `2024-02-29`.
    public func isBefore(_ other: BriefDate) -> Bool {
        if year != other.year { return year < other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month < otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    public enum ParseError: Error, Equatable {
        case format, month(Int), day(Int, month: Int, year: Int), year(Int)

        /// The reason, phrased to follow the value in a message.
        public var reason: String {
            switch self {
            case .format: "is not a date; write YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-06-14)"
            case .month(let month): "has month \(month), which is out of range (1-12)"
            case .day(let day, let month, let year):
                "has day \(day), but month \(month) of \(year) has \(BriefDate.daysIn(month: month, year: year)) days"
            case .year(let year): "has year \(year), which is out of range (1900-2999)"
            }
        }
    }

    /// Parses the three written forms, checking month and day ranges (leap years included).
    public static func parse(_ text: String) -> Result<BriefDate, ParseError> {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return .failure(.format) }
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index], part.allSatisfy(\.isASCIIDigit), let number = Int(part)
            else { return .failure(.format) }
            numbers.append(number)
        }
        let year = numbers[0]
        guard (1900...2999).contains(year) else { return .failure(.year(year)) }
        guard numbers.count > 1 else { return .success(BriefDate(year: year)) }
        let month = numbers[1]
        guard (1...12).contains(month) else { return .failure(.month(month)) }
        guard numbers.count > 2 else { return .success(BriefDate(year: year, month: month)) }
        let day = numbers[2]
        guard day >= 1, day <= daysIn(month: month, year: year) else {
            return .failure(.day(day, month: month, year: year))
        }
        return .success(BriefDate(year: year, month: month, day: day))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Int {
    /// `7.zeroPadded(2)` is `07`, like `String(format: "%02d")` without Foundation's formatter.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let padding = String(repeating: "0", count: Swift.max(0, width - digits.count - (self < 0 ? 1 : 0)))
        return (self < 0 ? "-" : "") + padding + digits
    }
}
