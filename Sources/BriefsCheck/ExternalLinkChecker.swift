import BriefsCore
import Foundation

/// The external link check: plans (pure), fetches what the cache does not answer (network), and
/// turns every verdict into diagnostics at the positions where the links are written.
public struct ExternalLinkChecker: Sendable {
    /// Politeness, timeouts, retries, cache ages.
    public var options: LinkCheckOptions
    /// Patterns of links that are not checked (site.yaml and `--exclude`).
    public var exclusions: [LinkPlanner.Exclusion]

    public init(options: LinkCheckOptions = LinkCheckOptions(), exclusions: [LinkPlanner.Exclusion] = []) {
        self.options = options
        self.exclusions = exclusions
    }

    /// Checks `links`, using and updating `cache`; `now` is injected so tests can age the cache.
    public func check(_ links: [LinkOccurrence], cache: LinkCache, now: Date) async -> LinkCheckResult {
        let plan = LinkPlanner(exclusions: exclusions, options: options).plan(links, cache: cache, now: now)
        var outcomes = plan.cached
        let fetched = await LinkFetcher.fetchAll(plan.requests, options: options)
        var updated = cache
        for (target, outcome) in fetched {
            outcomes[target] = outcome
            updated.entries[target.key] = LinkCache.Entry(outcome: outcome, checkedAt: now)
        }
        // Forget verdicts nobody has needed for a long time, so links removed from the briefs do not
        // make the file grow forever.
        updated.entries = updated.entries.filter { now.timeIntervalSince($0.value.checkedAt) < Self.forgetAfter }
        var diagnostics = plan.diagnostics
        for use in plan.uses {
            guard let outcome = outcomes[use.target],
                  let problem = Self.problem(for: outcome, target: use.target, written: use.occurrence.destination)
            else { continue }
            diagnostics.append(Diagnostic(problem, at: use.occurrence.location,
                                          length: use.occurrence.destination.unicodeScalars.count))
        }
        let statistics = LinkCheckResult.Statistics(
            links: plan.uses.count, targets: plan.requests.count + plan.cached.count, fetched: plan.requests.count,
            fromCache: plan.cached.count, excluded: plan.excludedCount,
            hosts: Set(plan.requests.map { $0.host ?? "doi" }).count)
        return LinkCheckResult(diagnostics: diagnostics.sorted(), cache: updated, outcomes: outcomes, statistics: statistics)
    }

    /// Cache entries older than this (90 days) are dropped when the cache is saved.
    static let forgetAfter: TimeInterval = 90 * 86_400

    /// The diagnostic for an outcome, `nil` when the link is fine.
    static func problem(for outcome: LinkOutcome, target: LinkTarget, written: String) -> LinkProblem? {
        switch outcome {
        case .ok: nil
        case .permanentRedirect(let to, _): .permanentRedirect(url: written, newURL: to)
        case .broken(let status, let finalURL): .broken(url: written, status: status, finalURL: finalURL)
        case .unavailable(let status, let attempts): .unavailable(url: written, status: status, attempts: attempts)
        case .timeout(let seconds): .timeout(url: written, seconds: seconds)
        case .unreachable(let reason): .unreachable(url: written, reason: reason)
        case .tooManyRedirects(let limit): .tooManyRedirects(url: written, limit: limit)
        case .redirectLoop(let repeated): .redirectLoop(url: written, repeated: repeated)
        case .fragmentMissing(let fragment): .fragmentMissing(url: written, fragment: fragment)
        case .doiNotFound:
            if case .doi(let doi) = target { .doiNotFound(doi: doi) } else { .broken(url: written, status: 404, finalURL: nil) }
        }
    }
}
