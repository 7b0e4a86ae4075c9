// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PropBot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "propbot", targets: ["propbot"]),
        .executable(name: "propbot-bench", targets: ["propbot-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        // Fixed-point numbers, instrument ids and rules, market events, clocks, errors. No I/O.
        .target(name: "PropCore"),
        // L2 books and per-venue snapshot + diff continuity.
        .target(name: "MarketData", dependencies: ["PropCore"]),
        // Venue codecs, REST clients and WebSocket sessions.
        .target(
            name: "Venues",
            dependencies: [
                "PropCore", "MarketData",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Atomics", package: "swift-atomics"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ]
        ),
        // The exchange simulator: synthetic market, the three venues' REST/WS front-ends, faults.
        .target(
            name: "VenueSim",
            dependencies: [
                "PropCore", "MarketData", "Venues",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The deterministic core: order state machine and order manager (strategy, risk, portfolio later).
        // No I/O: it consumes events and emits commands; the executor in Server does the journal and the wire.
        .target(name: "Engine", dependencies: ["PropCore", "MarketData"]),
        // Durable store: the append-only, hash-chained order journal and its migrations (SQLite via GRDB).
        .target(
            name: "Journal",
            dependencies: [
                "PropCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Operator control plane: control state machine, two-man approvals, roles and tokens, the command
        // service and its audit trail, and the profile config (decoding and strict validation).
        .target(
            name: "Ops",
            dependencies: [
                "PropCore", "Journal",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // HTTP API, metrics endpoint, the demo/live feed wiring.
        .target(
            name: "Server",
            dependencies: [
                "PropCore", "MarketData", "Venues", "VenueSim", "Ops", "Engine", "Journal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "propbot",
            dependencies: [
                "PropCore", "MarketData", "Venues", "VenueSim", "Ops", "Server", "Journal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .executableTarget(
            name: "propbot-bench",
            dependencies: ["PropCore", "MarketData", "Venues", "Journal", "Ops", "Server", "VenueSim", "BenchAllocCounter",
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // Heap-allocation counter for propbot-bench only (interposes malloc on glibc).
        .target(name: "BenchAllocCounter"),
        .testTarget(
            name: "PropCoreTests",
            dependencies: ["PropCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "MarketDataTests",
            dependencies: ["MarketData", "PropCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "VenuesTests",
            dependencies: ["Venues", "MarketData", "PropCore", "VenueSim",
                           .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "Atomics", package: "swift-atomics"),
                           .product(name: "CoreMetrics", package: "swift-metrics"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "VenueSimTests",
            dependencies: ["VenueSim", "Venues", "MarketData", "PropCore",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "PropCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "OpsTests",
            dependencies: ["Ops", "PropCore", "Journal", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "JournalTests",
            dependencies: ["Journal", "PropCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: ["Server", "VenueSim", "Venues", "MarketData", "PropCore", "Ops", "Journal", "Engine",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "HummingbirdTesting", package: "hummingbird"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
