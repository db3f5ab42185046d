// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stepchange",
    products: [
        .library(name: "StepChangeKit", targets: ["StepChangeKit"]),
        .executable(name: "stepchange", targets: ["stepchange"]),
        .executable(name: "stepchange-bench", targets: ["stepchange-bench"]),
    ],
    targets: [
        .target(name: "StepChangeKit"),
        .target(name: "StepChangeRoom", dependencies: ["StepChangeKit"]),
        .target(name: "StepChangeCLI", dependencies: ["StepChangeKit", "StepChangeRoom"]),
        .executableTarget(name: "stepchange", dependencies: ["StepChangeCLI"],
                         swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
                         linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]),
        .executableTarget(name: "stepchange-bench", dependencies: ["StepChangeKit", "StepChangeRoom", "stepchange"]),
        .target(name: "StepChangeTestSupport", path: "Tests/StepChangeTestSupport"),
        .testTarget(name: "StepChangeKitTests", dependencies: ["StepChangeKit", "StepChangeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "StepChangeRoomTests", dependencies: ["StepChangeRoom", "StepChangeKit", "StepChangeTestSupport"]),
        .testTarget(name: "StepChangeCLITests", dependencies: ["StepChangeCLI", "StepChangeKit", "stepchange", "StepChangeTestSupport"],
                    exclude: ["Browser/room_browser.py"]),
    ]
)
