import Foundation

/// Finds what briefpress needs besides its binary: the built-in `themes/` folder and the Python
/// with WeasyPrint. Both live in the briefpress folder (this repository when run from `.build/`,
/// or `share/briefpress` next to an installed binary); environment variables override.
enum ThemeLocator {
    /// The folder holding `themes/default/`: `$BRIEFPRESS_HOME`, else searched upwards from the executable.
    static func home() -> URL? {
        if let override = ProcessInfo.processInfo.environment["BRIEFPRESS_HOME"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["share/briefpress", "."] {
                let url = folder.appendingPathComponent(candidate, isDirectory: true).standardizedFileURL
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("themes/default/templates/brief.mustache").path) {
                    return url
                }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static func builtInThemeFolders() -> [URL] {
        if let override = ProcessInfo.processInfo.environment["BRIEFPRESS_THEMES"], !override.isEmpty {
            return [URL(fileURLWithPath: override, isDirectory: true)]
        }
        return home().map { [$0.appendingPathComponent("themes", isDirectory: true)] } ?? []
    }

    /// `$BRIEFPRESS_PYTHON`, else the project venv that `make build` creates, else `python3`.
    static func python() -> URL {
        if let override = ProcessInfo.processInfo.environment["BRIEFPRESS_PYTHON"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        if let venv = home()?.appendingPathComponent(".venv/bin/python"), FileManager.default.isExecutableFile(atPath: venv.path) {
            return venv
        }
        return URL(fileURLWithPath: "/usr/bin/python3")
    }
}
