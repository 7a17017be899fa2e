// swift-tools-version:6.0
import PackageDescription

/// Ripple: a deterministic simulator that runs one workload, under one fault schedule,
/// through a synchronous call chain and an event-driven design, and reports both side by side.
let package = Package(
    name: "Ripple",
    products: [
        .executable(name: "ripple", targets: ["ripple"]),
        .library(name: "SimKernel", targets: ["SimKernel"]),
    ],
    targets: [
        .target(name: "SimKernel"),
        .target(name: "SimModels", dependencies: ["SimKernel", "SimMetrics"]),
        .target(name: "SimMetrics", dependencies: ["SimKernel"]),
        .target(name: "SimChecks", dependencies: ["SimKernel", "SimMetrics"]),
        .target(name: "SimRuns", dependencies: ["SimKernel", "SimMetrics", "SimModels", "SimChecks", "SimScenario"]),
        .target(name: "SimReports", dependencies: ["SimKernel", "SimMetrics", "SimChecks"]),
        .target(name: "SimScenario", dependencies: ["SimKernel", "SimMetrics", "SimModels", "SimChecks"]),
        .target(name: "RippleCommands", dependencies: ["SimRuns", "SimScenario", "SimModels", "SimChecks", "SimReports", "SimKernel"]),
        .executableTarget(name: "ripple", dependencies: ["RippleCommands"]),
        .executableTarget(name: "ripple-fuzz", dependencies: ["SimScenario"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "SimModelsTests", dependencies: ["SimModels"]),
        .testTarget(name: "SimMetricsTests", dependencies: ["SimMetrics"]),
        .testTarget(name: "SimChecksTests", dependencies: ["SimChecks"]),
        .testTarget(name: "SimReportsTests", dependencies: ["SimReports", "SimScenario", "RippleCommands"]),
        .testTarget(name: "SimScenarioTests", dependencies: ["SimScenario", "RippleCommands"], exclude: ["BadScenarios", "Golden", "Reproducers/Fixtures"]),
        .testTarget(name: "SimRunsTests", dependencies: ["SimRuns"]),
        .testTarget(name: "RippleCommandsTests", dependencies: ["RippleCommands"]),
    ]
)
