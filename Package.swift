// swift-tools-version:6.1
import PackageDescription

// C++'s runtime (used by Swift's runtime and Foundation's ICU) and libxml2 (used by Foundation's
// XMLParser) linked into the programs rather than loaded: the dynamic loader then neither maps
// libxml2, the system's ICU and libstdc++ nor resolves their symbols each time a program starts
// (about 4 ms of a fresh `neighbors` in all), and the binary needs four shared libraries fewer.
// See scripts/static-link/.
let staticLinking: [LinkerSetting] = [
    .unsafeFlags(["-L", Context.packageDirectory + "/scripts/static-link"], .when(configuration: .release))
]

let package = Package(
    name: "PartnerGraph",
    products: [
        .library(name: "PartnerGraph", targets: ["PartnerGraph"]),
        // The web view and HTTP API (`partnergraph serve`), over the same library.
        .library(name: "PartnerGraphWeb", targets: ["PartnerGraphWeb"]),
        .executable(name: "partnergraph", targets: ["PartnerGraphMain"]),
        // The same commands with the PostgreSQL store linked in: `partnergraph` hands it a command
        // line that names a postgres:// database, so that SQLite's commands never load PostgresNIO.
        .executable(name: "partnergraph-postgres", targets: ["PartnerGraphPostgresMain"]),
        // The server `partnergraph serve` runs: apart, so that its libraries load with it alone.
        .executable(name: "partnergraph-serve", targets: ["PartnerGraphServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The mapping files of the spreadsheet import (`import --csv … --map …`).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // `make docs`: the DocC archive of the library (`swift package generate-documentation`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // `partnergraph serve`: the web view and HTTP API. Without swift-configuration (the
        // ConfigurationSupport trait): the server reads its settings from the command line.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The PostgreSQL store (issue 12): a maintained client rather than a hand-written protocol.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Process-wide SQLite settings that need C (sqlite3_config is variadic). No target of the
        // library product may carry unsafe flags: SwiftPM refuses them in a package that others
        // depend on by version (`make check-consumer`). The DWARF 4 that valgrind needs comes
        // from the command line of `make profile-build` instead.
        .target(
            name: "CSQLiteSettings",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(
            name: "PartnerGraph",
            dependencies: [
                "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                // Raw sqlite3_step/bind for the traversal and bulk-import hot loops.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]),
        // Pages, the JSON API and the OpenAPI document of `partnergraph serve`.
        .target(
            name: "PartnerGraphWeb",
            dependencies: [
                "PartnerGraph",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        // `partnergraph-serve`: reads the settings `partnergraph serve` checked, and serves.
        .executableTarget(
            name: "PartnerGraphServe",
            dependencies: ["PartnerGraphWeb", "PartnerGraphPostgres"]),
        // Release builds link libxml2 statically; this hands its ICU calls to Foundation's ICU.
        .target(
            name: "CLibXML2ICU",
            cSettings: [.define("PARTNERGRAPH_STATIC_LIBXML2", .when(configuration: .release))]),
        // The PostgreSQL store: the same operations as the SQLite store, for a team's shared graph.
        .target(
            name: "PartnerGraphPostgres",
            dependencies: [
                "PartnerGraph",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]),
        // The commands (swift-argument-parser), as a library: the two programs below run them.
        .target(
            name: "PartnerGraphCLI",
            dependencies: [
                "PartnerGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // `partnergraph`.
        .executableTarget(
            name: "PartnerGraphMain",
            dependencies: ["PartnerGraphCLI", "CLibXML2ICU"],
            path: "Sources/partnergraph",
            linkerSettings: staticLinking),
        // `partnergraph-postgres`.
        .executableTarget(
            name: "PartnerGraphPostgresMain",
            dependencies: ["PartnerGraphCLI", "PartnerGraphPostgres", "CLibXML2ICU"],
            path: "Sources/partnergraph-postgres",
            linkerSettings: staticLinking),
        // The benchmark of issue 3 (`make bench`); see BENCHMARKS.md.
        .executableTarget(
            name: "pg-bench",
            dependencies: ["PartnerGraph"]),
        .testTarget(
            name: "PartnerGraphTests",
            dependencies: ["PartnerGraph"],
            // Golden DOT files, read through #filePath so that RECORD_GOLDEN=1 can rewrite them; the
            // labelled articles of the ingest evaluation, read the same way.
            exclude: ["Golden", "Fixtures"]),
        // The store tests run against both stores; PostgreSQL's need $PARTNERGRAPH_TEST_POSTGRES
        // (`make test` starts a throwaway server, scripts/pg-test-cluster).
        .testTarget(
            name: "PartnerGraphPostgresTests",
            dependencies: ["PartnerGraph", "PartnerGraphPostgres", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(
            name: "PartnerGraphWebTests",
            dependencies: [
                "PartnerGraphWeb",
                "PartnerGraph",
                "PartnerGraphPostgres",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        .testTarget(
            name: "PartnerGraphCLITests",
            dependencies: [
                "PartnerGraphCLI",
                "PartnerGraph",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
