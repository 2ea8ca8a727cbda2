import BriefsCore
import Foundation

/// The pure first half of the external check: normalises and dedupes destinations, applies the
/// exclusions, checks `mailto:`/`tel:` syntax and consults the cache. Nothing here touches the
/// network, so all of it is tested without a server.
public struct LinkPlanner: Sendable {
    /// An exclusion pattern, with where it was written when it came from `site.yaml`.
    public struct Exclusion: Sendable {
        public var pattern: String
        public var location: SourceLocation?
        public var length: Int

        public init(pattern: String, location: SourceLocation? = nil, length: Int = 1) {
            self.pattern = pattern
            self.location = location
            self.length = length
        }
    }

    public var exclusions: [Exclusion]
    public var options: LinkCheckOptions

    public init(exclusions: [Exclusion] = [], options: LinkCheckOptions = LinkCheckOptions()) {
        self.exclusions = exclusions
        self.options = options
    }

    /// Builds the plan: what to fetch (interleaved by host), what the cache answers, and the
    /// problems found without the network.
    public func plan(_ links: [LinkOccurrence], cache: LinkCache, now: Date) -> LinkCheckPlan {
        var plan = LinkCheckPlan()
        var regexes: [NSRegularExpression] = []
        for exclusion in exclusions {
            do {
                regexes.append(try NSRegularExpression(pattern: exclusion.pattern))
            } catch {
                plan.diagnostics.append(Diagnostic(
                    LinkProblem.invalidExclude(pattern: exclusion.pattern, reason: "\(error.localizedDescription)"),
                    at: exclusion.location, length: exclusion.length))
            }
        }
        var targets: Set<LinkTarget> = []
        for link in links {
            let written = link.destination.trimmingCharacters(in: .whitespaces)
            if Self.matches(written, regexes) {
                plan.excludedCount += 1
                continue
            }
            let length = link.destination.unicodeScalars.count
            switch ParsedLink.parse(written) {
            case .target(let target):
                if case .web(let url, _, _) = target, Self.matches(url, regexes) {
                    plan.excludedCount += 1
                    continue
                }
                plan.uses.append(LinkCheckPlan.Use(occurrence: link, target: target))
                targets.insert(target)
            case .mailto(let text):
                if let reason = ContactSyntax.mailtoProblem(text) {
                    plan.diagnostics.append(Diagnostic(LinkProblem.invalidMailto(text, reason: reason), at: link.location, length: length))
                }
            case .tel(let text):
                if let reason = ContactSyntax.telProblem(text) {
                    plan.diagnostics.append(Diagnostic(LinkProblem.invalidTel(text, reason: reason), at: link.location, length: length))
                }
            case .unsupported:
                plan.unsupportedCount += 1
            case .invalid(let reason):
                plan.diagnostics.append(Diagnostic(LinkProblem.invalidURL(written, reason: reason), at: link.location, length: length))
            }
        }
        var toFetch: [LinkTarget] = []
        for target in targets.sorted() {
            if let entry = cache.freshEntry(target.key, now: now, options: options) {
                plan.cached[target] = entry.outcome
            } else {
                toFetch.append(target)
            }
        }
        plan.requests = Self.interleaved(toFetch)
        return plan
    }

    static func matches(_ text: String, _ regexes: [NSRegularExpression]) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return regexes.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// Orders targets round-robin over their hosts, so the scheduler's queue never has one host's
    /// links in a block that would leave the other hosts' slots idle.
    static func interleaved(_ targets: [LinkTarget]) -> [LinkTarget] {
        var byHost: [String: [LinkTarget]] = [:]
        var hosts: [String] = []
        for target in targets {
            let host = target.host ?? "doi"
            if byHost[host] == nil { hosts.append(host) }
            byHost[host, default: []].append(target)
        }
        var result: [LinkTarget] = []
        result.reserveCapacity(targets.count)
        var round = 0
        while result.count < targets.count {
            for host in hosts {
                if let queue = byHost[host], round < queue.count { result.append(queue[round]) }
            }
            round += 1
        }
        return result
    }
}
