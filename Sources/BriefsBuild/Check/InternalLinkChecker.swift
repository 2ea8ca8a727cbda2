import BriefsCore
import Foundation

/// Checks every link between the site's own pages and files at every build: relative links
/// between briefs (`../other/`, `other.md`), `#fragments` on the same or another brief, and
/// files next to a brief. Pure: it works on the rendered output's paths and ids.
public struct InternalLinkChecker: Sendable {
    struct Page: Sendable {
        var slug: String
        var isDraft: Bool
        var ids: PageIDs
        var links: [BriefLink]
        /// The files in the brief's output folder (its page, exports, files next to it).
        var files: [OutputFileRecord] = []
        /// What an earlier build found on this page (taken when `targets` did not change since).
        var checked: LinkCheckMemo?
    }

    /// The brief pages being built.
    var pages: [Page]
    /// Every brief of the site by slug, built or not, and whether it is a draft.
    var drafts: [String: Bool]
    /// The paths the output will contain besides the pages' files (`index.html`, `feed.xml`, assets …).
    var sitePaths: Set<String>
    /// Whether every page has its PDF beside it (`briefs/x/x.pdf`).
    var hasPDFs = false

    func check() -> [Diagnostic] {
        checkPages(targets: targets()).flatMap(\.problems)
    }

    /// Everything the check of a page looks at besides the page itself (its links, slug and
    /// draft state): every page's slug, draft state and ids, every brief's draft state, every
    /// path of the output. A page whose `checked` memo has this fingerprint has the problems it
    /// lists; checking it again would find the same.
    func targets() -> UInt64 {
        var hasher = XXH64()
        hasher.update(UInt64(pages.count))
        for page in pages {
            hasher.update(page.slug)
            hasher.update(page.isDraft ? 1 : 2)
            hasher.update(page.ids.joined)
            hasher.update(UInt64(page.files.count))
            for file in page.files { hasher.update(file.path) }
        }
        // Sets and dictionaries have no stable order: their members' hashes are summed.
        hasher.update(UInt64(drafts.count))
        hasher.update(drafts.reduce(0 as UInt64) { $0 &+ XXH64.hash($1.key, seed: $1.value ? 1 : 2) })
        hasher.update(UInt64(sitePaths.count))
        hasher.update(sitePaths.reduce(0 as UInt64) { $0 &+ XXH64.hash($1) })
        hasher.update(hasPDFs ? 1 : 2)
        return hasher.finalize()
    }

    /// The problems of every page, in page order: from its memo when that was made against
    /// `targets`, else found now.
    func checkPages(targets: UInt64) -> [LinkCheckMemo] {
        var results = pages.map { page in
            page.checked.flatMap { $0.targets == targets ? $0 : nil }
        }
        let pending = results.indices.filter { results[$0] == nil }
        guard !pending.isEmpty else { return results.map { $0 ?? LinkCheckMemo(targets: targets, problems: []) } }
        let bySlug = Dictionary(pages.indices.map { (pages[$0].slug, $0) }, uniquingKeysWith: { first, _ in first })
        // Pure and per page: large sites are checked on every core (it runs after rendering,
        // when nothing else is left to run in parallel), in parts of 128 pages.
        let memos = Parallel.mapParts(count: pending.count, parts: (pending.count + 127) / 128, minimum: 129) { range in
            pending[range].map { index in
                let page = pages[index]
                var problems: [Diagnostic] = []
                for link in page.links where link.kind == .link {
                    if let problem = problem(with: link.destination, on: page, bySlug: bySlug) {
                        problems.append(Diagnostic(problem, at: link.location, length: max(1, link.destination.count)))
                    }
                }
                return LinkCheckMemo(targets: targets, problems: problems)
            }
        }
        for (index, memo) in zip(pending, memos.joined()) { results[index] = memo }
        return results.map { $0 ?? LinkCheckMemo(targets: targets, problems: []) }
    }

    private func problem(with destination: String, on page: Page, bySlug: [String: Int]) -> ContentProblem? {
        let trimmed = destination.trimmingSpaces()
        if Self.isExternal(trimmed) { return nil }  // other sites, mailto:, tel: — the external check's business
        let (path, fragment) = Self.split(trimmed)
        if path.isEmpty {
            guard let fragment else { return nil }
            return check(fragment: fragment, of: page.ids, slug: page.slug, destination: trimmed)
        }
        guard let target = Self.resolve(path, from: page.slug) else {
            return .brokenLink(trimmed, suggestion: nil)
        }
        if let slug = Self.briefSlug(of: target) {
            if drafts[slug] == true, !page.isDraft { return .draftTarget(trimmed, slug: slug) }
            if drafts[slug] == nil, target.hasSuffix("index.html") {
                return .brokenLink(trimmed, suggestion: Suggestion.closest(to: slug, among: drafts.keys.sorted()))
            }
        }
        let slug = Self.briefSlug(of: target)
        let targetPage = slug.flatMap { bySlug[$0] }.map { pages[$0] }
        guard exists(target, in: targetPage) else { return .brokenLink(trimmed, suggestion: nil) }
        if let fragment, let targetPage, target == "briefs/\(targetPage.slug)/index.html" {
            return check(fragment: fragment, of: targetPage.ids, slug: targetPage.slug, destination: trimmed)
        }
        return nil
    }

    /// Whether the output will have a file at `path`; `page`: the brief whose folder it is in.
    private func exists(_ path: String, in page: Page?) -> Bool {
        guard let page else { return sitePaths.contains(path) }
        return page.files.contains { $0.path == path } || (hasPDFs && path == "briefs/\(page.slug)/\(page.slug).pdf")
    }

    private func check(fragment: String, of known: PageIDs, slug: String, destination: String) -> ContentProblem? {
        let id = Self.decodingPercents(fragment)
        guard !id.isEmpty, !known.contains(id) else { return nil }
        let page = "the brief '\(slug)'"
        return .missingFragment(destination, page: page, suggestion: Suggestion.closest(to: id, among: known.all))
    }

    /// Whether a destination leaves the site: `http(s)://`, `//host`, `mailto:`, `tel:` and other schemes.
    public static func isExternal(_ destination: String) -> Bool {
        // A scheme (`https:`, `mailto:`) is letters, digits, `+ . -` before the first `:`, starting
        // with a letter; checked by hand on the contiguous bytes, as this runs for every link of
        // every brief (through `String.UTF8View` it cost a thousand instructions a link).
        var destination = destination
        return destination.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            if index + 1 < bytes.count, bytes[index] == 0x2F, bytes[index + 1] == 0x2F { return true }
            guard index < bytes.count, (bytes[index] | 0x20) >= 0x61, (bytes[index] | 0x20) <= 0x7A else { return false }
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x3A { return true }
                let lower = byte | 0x20
                let allowed = (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2E || byte == 0x2D
                if !allowed { return false }
                index += 1
            }
            return false
        }
    }

    static func split(_ destination: String) -> (path: String, fragment: String?) {
        // On bytes: `#` and `?` are ASCII, and this runs for every link of every brief.
        let utf8 = destination.utf8
        var fragment: String?
        var end = utf8.endIndex
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(Substring(utf8[utf8.index(after: hash)...]))
            end = hash
        }
        if let query = utf8[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        return (String(Substring(utf8[..<end])), fragment)
    }

    /// The output path a relative link on `briefs/<slug>/` leads to; `nil` if it climbs above the site.
    static func resolve(_ path: String, from slug: String) -> String? {
        // On the contiguous bytes (`/` and `.` are ASCII), joined in one buffer: splitting the
        // link into `Character`s, and later into one string per part, was most of the check's time.
        var link = decodingPercents(path)
        return link.withUTF8 { whole in
            var bytes = whole[...]
            if bytes.starts(with: "./".utf8) { bytes = bytes.dropFirst(2) }
            var joined: [UInt8] = []
            joined.reserveCapacity(slug.utf8.count + bytes.count + 24)
            /// Where each part in `joined` starts (after its `/`), to climb out of it with `..`.
            var starts: [Int] = []
            func push<Part: Collection<UInt8>>(_ part: Part) {
                if !joined.isEmpty { joined.append(UInt8(ascii: "/")) }
                starts.append(joined.count)
                joined.append(contentsOf: part)
            }
            let isSourceFile = bytes.count >= 3 && bytes.reversed().starts(with: "dm.".utf8) && !bytes.contains(UInt8(ascii: "/"))
            if bytes.first != UInt8(ascii: "/") {
                push("briefs".utf8)
                push(slug.utf8)
            }
            var hasParts = false
            var endsInFolder = bytes.last == UInt8(ascii: "/")
            if isSourceFile {
                // `other.md` is the source file of the brief `other`: `../other/`.
                hasParts = true
                endsInFolder = true
                guard let start = starts.popLast() else { return nil }
                joined.removeSubrange(max(0, start - 1)...)
                if bytes.count > 3 { push(bytes.dropLast(3)) }
            } else {
                var partStart = bytes.startIndex
                while partStart < bytes.endIndex {
                    let partEnd = bytes[partStart...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
                    let part = bytes[partStart..<partEnd]
                    partStart = partEnd + 1
                    if part.isEmpty { continue }
                    hasParts = true
                    if part.count == 1, part.first == UInt8(ascii: ".") { continue }
                    if part.count == 2, part.first == UInt8(ascii: "."), part.last == UInt8(ascii: ".") {
                        guard let start = starts.popLast() else { return nil }
                        joined.removeSubrange(max(0, start - 1)...)
                        continue
                    }
                    push(part)
                }
            }
            if endsInFolder || !hasParts || starts.isEmpty {
                joined.append(contentsOf: (joined.isEmpty ? "index.html" : "/index.html").utf8)
            }
            return String(decoding: joined, as: UTF8.self)
        }
    }

    /// `wohnen` for `briefs/wohnen/…`.
    static func briefSlug(of path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes in
            guard bytes.starts(with: "briefs/".utf8) else { return nil }
            let rest = bytes[7...]
            let slug = rest[..<(rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex)]
            return slug.isEmpty ? nil : String(decoding: UnsafeBufferPointer(rebasing: slug), as: UTF8.self)
        }
    }

    /// `%20` and the like decoded; most links have none, and Foundation's decoder is slow.
    static func decodingPercents(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }
}
