// swift-tools-version: 6.0
// briefpress: Markdown policy briefs → static website, print PDFs, citation exports and feeds.
import PackageDescription

let package = Package(
    name: "briefpress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefpress", targets: ["briefpress"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The one C boundary: Debian's libcmark-gfm with its GFM extensions.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Markdown → HTML with positions, heading ids and language typography. Only importer of CCmarkGFM.
        .target(name: "BriefsMarkdown", dependencies: ["CCmarkGFM"]),
        // Source positions, diagnostics, identifiers, typed models and front matter decoding.
        .target(name: "BriefsCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The pipeline: load, parse, validate, render, write.
        .target(
            name: "BriefsBuild",
            dependencies: [
                "BriefsCore", "BriefsMarkdown",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Argument parsing and exit codes; the executable is a thin shell over it.
        .target(
            name: "BriefsCLI",
            dependencies: [
                "BriefsBuild", "BriefsCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "briefpress", dependencies: ["BriefsCLI"]),
        .testTarget(name: "BriefsMarkdownTests", dependencies: ["BriefsMarkdown"]),
        .testTarget(name: "BriefsCoreTests", dependencies: ["BriefsCore"]),
        .testTarget(name: "BriefsBuildTests", dependencies: ["BriefsBuild", "BriefsCore", "BriefsCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
