import Foundation

/// SPDX license ids that briefs use, with the URL citations and `DC.rights` point to.
public struct License: Sendable, Equatable {
    public var spdx: String
    public var url: String
    /// Short name shown on the page ("CC BY 4.0").
    public var name: String

    static let known: [License] = {
        var list = [License(spdx: "CC0-1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/", name: "CC0 1.0")]
        for version in ["4.0", "3.0"] {
            for kind in ["by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"] {
                list.append(License(
                    spdx: "CC-\(kind.uppercased())-\(version)",
                    url: "https://creativecommons.org/licenses/\(kind)/\(version)/",
                    name: "CC \(kind.uppercased()) \(version)"))
            }
        }
        list.append(License(spdx: "CC-BY-3.0-DE", url: "https://creativecommons.org/licenses/by/3.0/de/", name: "CC BY 3.0 DE"))
        return list
    }()

    /// The license for an SPDX id, matched without regard to case.
    public static func named(_ spdx: String) -> License? {
        // The ids are ASCII: an ASCII id is found by its lower case in one lookup (comparing it
        // with every id through Foundation's case-insensitive comparison cost ten thousand
        // instructions, three times per brief). Anything else goes the long way, which also
        // folds the few non-ASCII letters Unicode equates with ASCII ones.
        if spdx.utf8.allSatisfy({ $0 < 0x80 }) {
            return byLowercasedID[asciiLowercased(spdx)]
        }
        return known.first { $0.spdx.caseInsensitiveCompare(spdx) == .orderedSame }
    }

    private static let byLowercasedID = Dictionary(known.map { (asciiLowercased($0.spdx), $0) }, uniquingKeysWith: { first, _ in first })

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The closest known id, for "did you mean".
    public static func suggestion(for text: String) -> String? {
        Suggestion.closest(to: text, among: known.map(\.spdx), caseInsensitive: true)
    }
}
