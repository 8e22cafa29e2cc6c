// swift-tools-version:6.0
import PackageDescription

// Every file declares the modules it uses (MemberImportVisibility): an undeclared import fails the build.
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "zhauap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "zhauap", targets: ["zhauap"]),
        .library(name: "WorkingCalendar", targets: ["WorkingCalendar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Pure: civil dates, Kazakhstan's working-day calendar as cited data, term arithmetic.
        .target(
            name: "WorkingCalendar",
            resources: [.copy("Resources/kz-calendar.json")],
            swiftSettings: strict
        ),
        // Pure: the appeals domain. No I/O, no clock, no logging.
        .target(name: "ZhauapText", swiftSettings: strict),
        .target(
            name: "ZhauapDomain", dependencies: ["WorkingCalendar", "ZhauapText"],
            resources: [.copy("Resources/term-rules.json"), .copy("Resources/reading-cues.json"), .copy("Resources/reading-corpus.jsonl"), .copy("Resources/reading-corpus-crime.jsonl"), .copy("Resources/law-registry.json"), .copy("Resources/hearing-rules.json")], swiftSettings: strict
        ),
        // Documents the applicant receives, each language a separate document (coupon, notices).
        .target(name: "ZhauapDocuments", dependencies: ["WorkingCalendar", "ZhauapDomain"], swiftSettings: strict),
        // Storage protocols in domain terms and their Fluent implementation (SQLite, PostgreSQL).
        .target(
            name: "ZhauapStorage",
            dependencies: [
                "WorkingCalendar", "ZhauapDomain", "ZhauapText",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Use cases: load → domain transition → persist state and trail in one transaction.
        .target(
            name: "ZhauapService",
            dependencies: ["WorkingCalendar", "ZhauapDomain", "ZhauapDocuments", "ZhauapStorage", "ZhauapText", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // HTTP: JSON API, pages, configuration, the error mapping.
        .target(
            name: "ZhauapWeb",
            dependencies: [
                "WorkingCalendar", "ZhauapDomain", "ZhauapDocuments", "ZhauapStorage", "ZhauapService", "ZhauapText",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/Views"), .copy("Resources/openapi.json"), .copy("Resources/Strings"), .copy("Resources/Assets")],
            swiftSettings: strict
        ),
        // Command-line commands (serve, term, calendar, bench) on top of the web application.
        .target(
            name: "ZhauapCLI",
            dependencies: [
                "WorkingCalendar", "ZhauapDomain", "ZhauapDocuments", "ZhauapStorage", "ZhauapService", "ZhauapWeb", "ZhauapText",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "zhauap", dependencies: ["ZhauapCLI"], swiftSettings: strict),

        .target(
            name: "ZhauapTestSupport",
            dependencies: ["WorkingCalendar", "ZhauapDomain", "ZhauapDocuments", "ZhauapStorage", "ZhauapService", "ZhauapWeb",
                           .product(name: "VaporTesting", package: "vapor"), .product(name: "FluentSQL", package: "fluent-kit")],
            path: "Tests/ZhauapTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "WorkingCalendarTests",
            dependencies: ["WorkingCalendar", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(name: "ZhauapDomainTests", dependencies: ["ZhauapDomain", "ZhauapText"], swiftSettings: strict),
        .testTarget(name: "ZhauapTextTests", dependencies: ["ZhauapText"], swiftSettings: strict),
        .testTarget(name: "ZhauapDocumentsTests", dependencies: ["ZhauapDocuments", "ZhauapDomain"], swiftSettings: strict),
        .testTarget(
            name: "ZhauapServiceTests",
            dependencies: ["WorkingCalendar", "ZhauapDomain", "ZhauapStorage", "ZhauapService", "ZhauapTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZhauapStorageTests",
            dependencies: ["ZhauapStorage", "ZhauapService", "ZhauapTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZhauapWebTests",
            dependencies: ["ZhauapWeb", "WorkingCalendar", "ZhauapService", "ZhauapDomain", "ZhauapStorage", "ZhauapTestSupport", .product(name: "VaporTesting", package: "vapor")],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ZhauapCLITests",
            dependencies: ["ZhauapCLI", "zhauap", "ZhauapTestSupport"],
            swiftSettings: strict
        ),
    ]
)
