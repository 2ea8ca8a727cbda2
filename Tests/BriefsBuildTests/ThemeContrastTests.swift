import Foundation
import Testing

/// WCAG 2.2 1.4.3: text needs a contrast ratio of at least 4.5:1 against its background. The
/// pairs are those the default theme's style.css and print.css actually combine.
@Suite("Theme colour contrast")
struct ThemeContrastTests {
    static let assets = TestSite.themes.appendingPathComponent("default/assets")

    /// `--name: #rrggbb` custom properties of style.css.
    static func variables() throws -> [String: String] {
        let css = try String(contentsOf: assets.appendingPathComponent("style.css"), encoding: .utf8)
        var result: [String: String] = [:]
        for match in css.matches(of: #/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/#) {
            result[String(match.output.1)] = String(match.output.2)
        }
        return result
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ foreground: String, _ background: String) -> Double {
        let (a, b) = (luminance(foreground), luminance(background))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test("the contrast formula matches WCAG's reference values")
    func formula() {
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 0.01)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.01)
    }

    @Test("every text colour of the screen theme on every background it is used on", arguments: [
        ("text", "background"), ("muted", "background"), ("accent", "background"),
        ("text", "accent-soft"), ("muted", "accent-soft"), ("accent", "accent-soft"),
        ("draft", "draft-bg"), ("accent", "draft-bg"),
    ])
    func screen(foreground: String, background: String) throws {
        let colours = try Self.variables()
        let fg = try #require(colours[foreground], "style.css has no --\(foreground)")
        let bg = try #require(colours[background], "style.css has no --\(background)")
        #expect(Self.contrast(fg, bg) >= 4.5, "\(foreground) \(fg) on \(background) \(bg): \(Self.contrast(fg, bg))")
    }

    @Test("white numbers on the accent colour, and the print colours")
    func fixedPairs() throws {
        let accent = try #require(try Self.variables()["accent"])
        #expect(Self.contrast("#ffffff", accent) >= 4.5)
        let print = try String(contentsOf: Self.assets.appendingPathComponent("print.css"), encoding: .utf8)
        let colours = Set(print.matches(of: #/color:\s*(#[0-9a-fA-F]{6})/#).map { String($0.output.1) })
        #expect(!colours.isEmpty)
        for colour in colours where colour.lowercased() != "#ffffff" {
            #expect(Self.contrast(colour, "#ffffff") >= 4.5, "print colour \(colour) on white")
            #expect(Self.contrast(colour, "#e8f2f6") >= 4.5, "print colour \(colour) on the recommendation panel")
        }
    }
}
