import Testing
@testable import BriefsCore

@Suite("Identifiers")
struct IdentifierTests {
    @Test("DOIs are stored bare and lower-case, from any written form")
    func doiNormalization() throws {
        #expect(try DOI.normalize("https://doi.org/10.59350/ForschungMigration.168").get() == "10.59350/forschungmigration.168")
        #expect(try DOI.normalize("10.59350/v2gec-5xt36").get() == "10.59350/v2gec-5xt36")
        #expect(try DOI.normalize("doi:10.1006/ABC").get() == "10.1006/abc")
        #expect(try DOI.normalize(" http://dx.doi.org/10.1234/x(1) ").get() == "10.1234/x(1)")
    }

    @Test("Invalid DOIs say why", arguments: [
        ("11.1234/abc", "must start with '10.'"),
        ("10.12/abc", "4 to 9 digits"),
        ("10.12345", "no '/'"),
        ("10.12345/", "empty suffix"),
        ("10.59350/abc\u{2011}def", "may use only"),
        ("10.59350/ab cd", "a space"),
    ])
    func invalidDOIs(value: String, reason: String) {
        guard case .failure(let error) = DOI.normalize(value) else {
            Issue.record("\(value) was accepted")
            return
        }
        #expect(error.reason.contains(reason))
    }

    @Test("ORCID check digits from the reference", arguments: ["0000-0002-1825-0097", "0000-0002-1694-233X", "0000-0001-5109-3700", "https://orcid.org/0000-0002-1825-0097"])
    func validORCIDs(value: String) throws {
        #expect(try ORCID.normalize(value).get().count == 19)
    }

    @Test("ORCIDs with a wrong check digit or shape are refused", arguments: ["0000-0002-1825-0098", "0000-0002-1825-009", "0000000218250097", "0000-0002-1825-00X7"])
    func invalidORCIDs(value: String) {
        #expect(throws: InvalidIdentifier.self) { try ORCID.normalize(value).get() }
    }

    @Test("ROR checksums from the reference", arguments: ["03yrm5c26", "01k4yrm29", "02nr0ka47", "00f7hpc57", "https://ror.org/00a208s56"])
    func validRORs(value: String) throws {
        #expect(try ROR.normalize(value).get().hasPrefix("https://ror.org/0"))
    }

    @Test("Invalid ROR IDs from Crossref's list are refused", arguments: ["http://ror.org/01k4yrm29", "11k4yrm29", "01k34yrm29", "01kOyrm29", "01k4yrm30"])
    func invalidRORs(value: String) {
        #expect(throws: InvalidIdentifier.self) { try ROR.normalize(value).get() }
    }

    @Test("Language tags are normalised in case")
    func languageTags() {
        #expect(LanguageTag.normalize("DE-at") == "de-AT")
        #expect(LanguageTag.normalize("sr-latn") == "sr-Latn")
        #expect(LanguageTag.normalize("en") == "en")
        #expect(LanguageTag.normalize("german") == nil)
        #expect(LanguageTag.normalize("d") == nil)
    }

    @Test("SPDX licenses map to their URLs; near misses get a suggestion")
    func licenses() {
        #expect(License.named("cc-by-4.0")?.url == "https://creativecommons.org/licenses/by/4.0/")
        #expect(License.named("CC0-1.0") != nil)
        #expect(License.named("CC-BY-5.0") == nil)
        #expect(License.suggestion(for: "CC-BY4.0") == "CC-BY-4.0")
    }

    @Test("every known license is found in any case, as Foundation's case-insensitive comparison finds it")
    func licensesInAnyCase() {
        for license in License.known {
            let mixed = String(license.spdx.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.lowercased()) : $0.element })
            for spelling in [license.spdx, license.spdx.lowercased(), license.spdx.uppercased(), mixed] {
                #expect(License.named(spelling) == license, "\(spelling)")
            }
            for near in [license.spdx + " ", " " + license.spdx, String(license.spdx.dropLast()), license.spdx + "0"] {
                #expect(License.named(near) == License.known.first { $0.spdx.caseInsensitiveCompare(near) == .orderedSame })
            }
        }
        // Not ASCII: the long way, the same answer as comparing with each id.
        for text in ["CC-BY-4.0\u{0301}", "ＣＣ-BY-4.0", "CC-BY-ſA-4.0", "cc-by-4.0\u{200B}"] {
            #expect(License.named(text) == License.known.first { $0.spdx.caseInsensitiveCompare(text) == .orderedSame })
        }
    }

    @Test("Slugs and file name suggestions")
    func slugs() {
        #expect(Slugify.isValid("wohnen-im-alter-2"))
        #expect(!Slugify.isValid("Wohnen"))
        #expect(!Slugify.isValid("wohnen_im_alter"))
        #expect(!Slugify.isValid("-x"))
        #expect(Slugify.fileName("Wohnen im Älter!") == "wohnen-im-aelter")
        #expect(Slugify.firstWord("Wohnen im Älter!") == "wohnen")
        #expect(Slugify.firstWord("„Café“ heute") == "cafe")
        #expect(Slugify.firstWord("Äpfel, Birnen") == "aepfel")
        #expect(Slugify.firstWord("!!!").isEmpty)
    }

    @Test("Did-you-mean finds typos but not unrelated words")
    func suggestions() {
        let keys = ["title", "subtitle", "date", "doi", "authors"]
        #expect(Suggestion.closest(to: "titel", among: keys) == "title")
        #expect(Suggestion.closest(to: "autors", among: keys) == "authors")
        #expect(Suggestion.closest(to: "xyz", among: keys) == nil)
    }
}

@Suite("Rogue Scholar DOIs")
struct RogueDOITests {
    @Test("suffixes decoded on bytes give what the character-by-character reading gives")
    func fastDecode() {
        let pieces = Array("0123456789abcdefghjkmnpqrstvwxyzILOilo-uU!ä")
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var valid = 0
        for round in 0..<4000 {
            let suffix = round % 4 == 0
                ? RogueDOI.encode(UInt64(1 + next(1 << 30)))
                : String((0..<(1 + next(12))).map { _ in pieces[next(pieces.count)] })
            let fast = RogueDOI.decodeValidASCII(suffix)
            let reference = RogueDOI.decodeCharacters(suffix)
            if let fast {
                #expect(reference == .success(fast), "\(suffix)")
                valid += 1
            }
            #expect(RogueDOI.decode(suffix) == reference, "\(suffix)")
            // The byte-wise look at a suffix agrees with the character-wise one.
            let groups = suffix.split(separator: "-", omittingEmptySubsequences: false)
            let looks = groups.count == 2 && groups.allSatisfy({ (4...5).contains($0.count) })
                && groups.joined().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && groups.joined().contains(where: \.isNumber)
            #expect(RogueDOI.looksEncoded(suffix) == looks, "\(suffix)")
        }
        #expect(valid >= 1000)
    }

    @Test("test vectors decode to their numbers", arguments: [
        ("6kfyy-nq280", UInt64(227_095_303_906)), ("v2gec-5xt36", 930_412_369_850), ("2shz7-ehx26", 96_166_197_821),
        ("9ed5m-ytn30", 324_712_168_277), ("twwjw-1ww98", 924_377_286_556), ("4shg-js75", 161_006_169),
    ])
    func decode(suffix: String, number: UInt64) throws {
        #expect(try RogueDOI.decode(suffix).get() == number)
    }

    @Test("checksums from the reference")
    func checksums() {
        #expect(RogueDOI.checksum(450_320_459_383) == 85)
        #expect(RogueDOI.checksum(123_456_789_012) == 44)
        #expect(RogueDOI.checksum(375_301_249_367) == 92)
    }

    @Test("a wrong checksum, a bad letter and zero are refused")
    func invalid() {
        #expect(RogueDOI.decode("6kfyy-nq281") == .failure(.badChecksum(expected: 80, found: 81)))
        #expect(RogueDOI.decode("6kfyu-nq280") == .failure(.invalidCharacter("u")))
        #expect(RogueDOI.decode("00000-00098") == .failure(.zero))
    }

    @Test("encoding pads to 8+2 characters and round-trips; generated suffixes are valid")
    func encode() throws {
        #expect(RogueDOI.encode(930_412_369_850) == "v2gec-5xt36")
        #expect(RogueDOI.encode(1) == "00000-00195")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let suffix = RogueDOI.generate(using: &generator)
            #expect(suffix.count == 11)
            #expect((try? RogueDOI.decode(suffix).get()) != nil)
        }
    }

    @Test("only suffixes shaped like encoded ones are checked")
    func shape() {
        #expect(RogueDOI.looksEncoded("v2gec-5xt36"))
        #expect(RogueDOI.looksEncoded("4shg-js75"))
        #expect(!RogueDOI.looksEncoded("forschungmigration.168"))
        #expect(!RogueDOI.looksEncoded("abcde-fghij"))
    }

    @Test("ORCID issued blocks")
    func issued() {
        #expect(ORCID.isInIssuedBlock("0000-0002-1825-0097"))
        #expect(ORCID.isInIssuedBlock("0009-0003-1234-5678"))
        #expect(!ORCID.isInIssuedBlock("0000-0000-0000-0001"))
    }
}

@Suite("Explaining a DOI")
struct DOIInspectionTests {
    @Test("a valid encoded DOI with the site's prefix passes every check")
    func valid() {
        let inspection = DOIInspection("https://doi.org/10.59350/V2GEC-5XT36", sitePrefix: "10.59350")
        #expect(inspection.isValid)
        #expect(inspection.doi == "10.59350/v2gec-5xt36")
        #expect(inspection.findings.contains(.ok("checksum: the suffix v2gec-5xt36 encodes 930412369850 with a valid checksum")))
    }

    @Test("a typo in the checksum, a foreign prefix and bad syntax are problems")
    func problems() {
        #expect(!DOIInspection("10.59350/v2gec-5xt37").isValid)
        #expect(!DOIInspection("10.1234/abc", sitePrefix: "10.59350").isValid)
        #expect(!DOIInspection("doi.org/10.1234").isValid)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 test vectors")
    func vectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// A deterministic generator for the tests below.
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("a bare DOI is read on its bytes as the general path reads it")
    func doiFastPath() {
        var random = Random(state: 3)
        let pieces = ["10.", "1", "0", "5", "9", "/", "a", "z", "A", "-", ".", "_", ";", "(", ")", ":", " ", "ä", "#", "1234", "59350"]
        for _ in 0..<3000 {
            let text = (0..<random.next(12)).map { _ in pieces[random.next(pieces.count)] }.joined()
            for candidate in [text, "10." + text, "10.59350/" + text] {
                // The leading tab is trimmed by the general path only.
                #expect(DOI.normalize(candidate) == DOI.normalize("\t" + candidate), "\(candidate)")
            }
        }
    }

    @Test("a bare ORCID iD is checked on its bytes as the general path checks it; issued blocks compare as before")
    func orcidFastPath() {
        var random = Random(state: 4)
        let pieces = ["0", "1", "2", "5", "9", "X", "x", "-", "0000-", "0009-", "000", " ", "ä"]
        func referenceIssued(_ orcid: String) -> Bool {
            let digits = String(orcid.filter { $0 != "-" })
            return ("000000015000000" ... "000000035000000").contains(String(digits.prefix(15)))
                || ("000900000000000" ... "000900100000000").contains(String(digits.prefix(15)))
        }
        for _ in 0..<5000 {
            var text = (0..<random.next(10)).map { _ in pieces[random.next(pieces.count)] }.joined()
            if random.next(2) == 0 {
                // A well-formed iD, whose check character is right about one time in eleven.
                let digits = (0..<15).map { _ in String(random.next(10)) } + [["X", "0", "7", "x"][random.next(4)]]
                text = stride(from: 0, to: 16, by: 4).map { digits[$0..<$0 + 4].joined() }.joined(separator: "-")
            }
            #expect(ORCID.normalize(text) == ORCID.normalize(" " + text), "\(text)")
            #expect(ORCID.isInIssuedBlock(text) == referenceIssued(text), "\(text)")
        }
    }
}
