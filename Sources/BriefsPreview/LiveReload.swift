import BriefsCore
import Foundation

/// What the preview adds to every HTML page: a script that listens for "reload" over
/// Server-Sent Events, and, while the latest build has errors, an overlay listing them, so an
/// old page is never shown as if it were current.
enum LiveReload {
    static let eventsPath = "/_briefpress/events"
    static let scriptPath = "/_briefpress/live.js"

    static let script = """
        // briefpress preview: reload when a rebuild has finished.
        (function () {
          var generation = null;
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (event) {
            if (generation !== null && generation !== event.data) { location.reload(); }
            generation = event.data;
          });
          source.addEventListener("reload", function () { location.reload(); });
        })();
        """

    /// Adds the script (and the overlay, if there are problems) before `</body>`.
    static func inject(into html: String, problems: [Diagnostic], sources: [String: String]) -> String {
        var addition = "<script src=\"\(scriptPath)\"></script>\n"
        if !problems.isEmpty { addition = overlay(problems, sources: sources) + addition }
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: addition)
    }

    static func overlay(_ problems: [Diagnostic], sources: [String: String]) -> String {
        let printer = DiagnosticPrinter(format: .text, colored: false, source: { sources[$0] })
        let items = problems.sorted().prefix(50).map { problem -> String in
            let text = printer.text(for: problem)
            return "<li><pre style=\"\(preStyle)\">\(escape(text))</pre></li>"
        }.joined(separator: "\n")
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return """
            <div id="briefpress-overlay" role="alertdialog" aria-labelledby="briefpress-overlay-title" \
            style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(15,15,15,.97);color:#fff;\
            font:15px/1.5 system-ui,sans-serif;padding:2rem">
            <h2 id="briefpress-overlay-title" style="color:#ffb4a8;margin-top:0">The preview is not up to date: \(count) \
            to fix</h2>
            <p>The page below is the last version that built. Fix the problems, save, and this page reloads by itself.</p>
            <ol style="padding-left:1.2rem">\(items)</ol>
            </div>

            """
    }

    /// Inline, so no theme style (a light `pre` background, say) can make the overlay unreadable.
    static let preStyle = "background:#000;color:#fff;padding:.75rem;margin:.5rem 0 1rem;white-space:pre-wrap;"
        + "overflow-wrap:anywhere;font:14px/1.45 ui-monospace,'DejaVu Sans Mono',monospace"

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
