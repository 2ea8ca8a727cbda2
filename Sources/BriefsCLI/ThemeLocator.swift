import Foundation

/// Finds the built-in `themes/` folder: `$BRIEFPRESS_THEMES`, then `share/briefpress/themes` or
/// a `themes/` folder above the executable (the repository when run from `.build/`).
enum ThemeLocator {
    static func builtInThemeFolders() -> [URL] {
        if let override = ProcessInfo.processInfo.environment["BRIEFPRESS_THEMES"], !override.isEmpty {
            return [URL(fileURLWithPath: override, isDirectory: true)]
        }
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return [] }
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["share/briefpress/themes", "themes"] {
                let url = folder.appendingPathComponent(candidate, isDirectory: true)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("default/templates/brief.mustache").path) {
                    return [url]
                }
            }
            folder = folder.deletingLastPathComponent()
        }
        return []
    }
}
