// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stepchange",
    products: [
        .library(name: "StepChangeKit", targets: ["StepChangeKit"]),
        .executable(name: "stepchange", targets: ["stepchange"]),
    ],
    targets: [
        .target(name: "StepChangeKit"),
        .target(name: "StepChangeCLI", dependencies: ["StepChangeKit"]),
        .executableTarget(name: "stepchange", dependencies: ["StepChangeCLI"]),
        .testTarget(name: "StepChangeKitTests", dependencies: ["StepChangeKit"]),
        .testTarget(name: "StepChangeCLITests", dependencies: ["StepChangeCLI", "StepChangeKit", "stepchange"]),
    ]
)
