import BriefsCore
import Foundation

/// Checks that need more than one file: slugs, DOIs, translations, the site's DOI policy, dates.
enum SiteValidator {
    /// Returns the briefs that may be published in this run and the problems found.
    static func validate(_ briefs: [BriefFacts], site: SiteConfig, slugs: [(slug: String, path: String)],
                         today: BriefDate, includeDrafts: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstPathForSlug: [String: String] = [:]
        firstPathForSlug.reserveCapacity(slugs.count)
        for (slug, path) in slugs {
            if !Slugify.isValid(slug) {
                diagnostics.append(Diagnostic(FileProblem.invalidSlug(slug), at: SourceLocation(path: path, line: 1, column: 1)))
            }
            if let other = firstPathForSlug[slug] {
                diagnostics.append(Diagnostic(FileProblem.duplicateSlug(slug, other: other),
                                              at: SourceLocation(path: path, line: 1, column: 1)))
            } else {
                firstPathForSlug[slug] = path
            }
        }
        // Indices and paths, not copies of the facts: copying thousands of them cost more than
        // the checks.
        let bySlug = Dictionary(briefs.indices.map { (briefs[$0].slug, $0) }, uniquingKeysWith: { first, _ in first })
        var firstForDOI: [String: String] = [:]
        firstForDOI.reserveCapacity(briefs.count)
        for brief in briefs {
            if let doi = brief.doi {
                if let other = firstForDOI[doi.value] {
                    diagnostics.append(Diagnostic(ContentProblem.duplicateDOI(doi.value, other: other), at: doi))
                } else {
                    firstForDOI[doi.value] = brief.sourcePath
                }
                if let prefix = site.doiPrefix, DOI.prefix(of: doi.value) != prefix {
                    diagnostics.append(Diagnostic(FrontMatterProblem.doiPrefixMismatch(doi: doi.value, prefix: prefix), at: doi))
                }
            }
            if let translation = brief.translation {
                if translation.value == brief.slug {
                    diagnostics.append(Diagnostic(ContentProblem.translationIsSelf, at: translation))
                } else if let other = bySlug[translation.value] {
                    if briefs[other].isDraft, !brief.isDraft, !includeDrafts {
                        diagnostics.append(Diagnostic(ContentProblem.translationIsDraft(slug: translation.value), at: translation))
                    }
                } else if !firstPathForSlug.keys.contains(translation.value) {
                    // A file that exists but has errors of its own is not reported a second time here.
                    let suggestion = Suggestion.closest(to: translation.value, among: bySlug.keys.sorted())
                    diagnostics.append(Diagnostic(ContentProblem.unknownTranslation(slug: translation.value, suggestion: suggestion),
                                                  at: translation))
                }
            }
            if !brief.isDraft, brief.date.value > today {
                diagnostics.append(Diagnostic(FrontMatterProblem.dateInFuture(brief.date.value.description), at: brief.date))
            }
        }
        return diagnostics
    }
}
