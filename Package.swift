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
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
        // The external link check (opt-in network): planning, a polite HTTP scheduler, a cache, reporters.
        // AsyncHTTPClient is kept at this edge so editing the core never recompiles SwiftNIO.
        .target(
            name: "BriefsCheck",
            dependencies: [
                "BriefsCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The local preview for editors: Hummingbird, a file watcher, live reload. Hummingbird stays
        // at this edge too.
        .target(
            name: "BriefsPreview",
            dependencies: [
                "BriefsBuild", "BriefsCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Argument parsing and exit codes; the executable is a thin shell over it.
        .target(
            name: "BriefsCLI",
            dependencies: [
                "BriefsBuild", "BriefsCore", "BriefsCheck", "BriefsPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // jemalloc instead of glibc's malloc: a build allocates many small short-lived strings and
        // arrays on every core, and glibc's allocator cost a fifth of its CPU time (BENCHMARKS.md,
        // issue 9). Linked into the executable only; the tests run on glibc's allocator.
        .executableTarget(
            name: "briefpress", dependencies: ["BriefsCLI"],
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        // What the test targets share: a seeded generator for generated inputs.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BriefsMarkdownTests", dependencies: ["BriefsMarkdown", "TestSupport"]),
        .testTarget(name: "BriefsCoreTests", dependencies: ["BriefsCore", "TestSupport"]),
        // swift-mustache renders the same templates as the reference for briefpress's own engine.
        .testTarget(
            name: "BriefsBuildTests",
            dependencies: [
                "BriefsBuild", "BriefsCore", "BriefsCLI", "TestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Link checker tests against a SwiftNIO server on 127.0.0.1, port 0: never the internet.
        .testTarget(
            name: "BriefsCheckTests",
            dependencies: [
                "BriefsCheck", "BriefsCore", "BriefsCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // Preview server tests: Hummingbird's test client, and live tests on 127.0.0.1 port 0.
        .testTarget(
            name: "BriefsPreviewTests",
            dependencies: [
                "BriefsPreview", "BriefsBuild", "BriefsCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
