import BriefsCore

/// Diagnostics as JUnit XML, which most CI systems show as test results: one suite per file, one
/// test case per problem; errors are failures, warnings and notes are shown as skipped.
public enum JUnitReport {
    /// The whole report as one XML document; `summary` names the single passing test of a clean run.
    public static func render(_ diagnostics: [Diagnostic], summary: String) -> String {
        let sorted = diagnostics.sorted()
        var byFile: [(file: String, items: [Diagnostic])] = []
        for diagnostic in sorted {
            let file = diagnostic.location?.path ?? "site"
            if byFile.last?.file == file { byFile[byFile.count - 1].items.append(diagnostic) } else { byFile.append((file, [diagnostic])) }
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"briefpress\" tests=\"\(max(1, sorted.count))\" failures=\"\(sorted.errorCount)\">\n"
        if byFile.isEmpty {
            out += "  <testsuite name=\"briefpress\" tests=\"1\" failures=\"0\" skipped=\"0\">\n"
            out += "    <testcase classname=\"briefpress\" name=\"\(escape(summary))\"/>\n  </testsuite>\n"
        }
        for (file, items) in byFile {
            let skipped = items.count - items.errorCount
            out += "  <testsuite name=\"\(escape(file))\" tests=\"\(items.count)\" failures=\"\(items.errorCount)\" skipped=\"\(skipped)\">\n"
            for diagnostic in items {
                let position = diagnostic.location.map { "\($0.line):\($0.column)" } ?? ""
                out += "    <testcase classname=\"\(escape(file))\" name=\"\(escape("\(diagnostic.id) \(position)"))\">\n"
                let text = escape(diagnostic.location.map { "\($0): " } ?? "") + escape(diagnostic.message)
                if diagnostic.severity == .error {
                    out += "      <failure type=\"\(diagnostic.id)\" message=\"\(escape(diagnostic.message))\">\(text)</failure>\n"
                } else {
                    out += "      <skipped message=\"\(escape(diagnostic.severity.rawValue + ": " + diagnostic.message))\"/>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            // XML 1.0 cannot carry other control characters at all.
            case _ where scalar.value < 0x20 && scalar != "\t": out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
