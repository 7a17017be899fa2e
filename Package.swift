// swift-tools-version:6.0
import PackageDescription

/// Release builds are optimised across modules at link time (full LTO): an event's handling runs
/// through the kernel, the models and the metrics, and inlining across them saves about a tenth
/// of a run's time (BENCHMARKS.md). SwiftPM has no setting for it, so the compiler writes LLVM
/// bitcode into each object file and the linker optimises the whole program. The executables
/// link the Swift runtime statically: no shared libraries to load and bind at start-up, and
/// direct calls into the runtime. Both are for Linux, where Ripple is measured (BENCHMARKS.md); debug
/// builds, and so the tests, are built as usual.
let linkTimeOptimised: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-emit-bc", "-Xfrontend", "-lto=llvm-full"], .when(platforms: [.linux], configuration: .release)),
]
let optimisedLinking: [LinkerSetting] = [.unsafeFlags(["-lto=llvm-full", "-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

/// Ripple: a deterministic simulator that runs one workload, under one fault schedule,
/// through a synchronous call chain and an event-driven design, and reports both side by side.
let package = Package(
    name: "Ripple",
    products: [
        .executable(name: "ripple", targets: ["ripple"]),
        .library(name: "SimKernel", targets: ["SimKernel"]),
    ],
    targets: [
        .target(name: "SimKernel", swiftSettings: linkTimeOptimised),
        .target(name: "SimModels", dependencies: ["SimKernel", "SimMetrics"], swiftSettings: linkTimeOptimised),
        .target(name: "SimMetrics", dependencies: ["SimKernel"], swiftSettings: linkTimeOptimised),
        .target(name: "SimChecks", dependencies: ["SimKernel", "SimMetrics"], swiftSettings: linkTimeOptimised),
        .target(name: "SimRuns", dependencies: ["SimKernel", "SimMetrics", "SimModels", "SimChecks", "SimScenario"], swiftSettings: linkTimeOptimised),
        .target(name: "SimReports", dependencies: ["SimKernel", "SimMetrics", "SimChecks"], swiftSettings: linkTimeOptimised),
        .target(name: "SimScenario", dependencies: ["SimKernel", "SimMetrics", "SimModels", "SimChecks"], swiftSettings: linkTimeOptimised),
        .target(name: "RippleCommands", dependencies: ["SimRuns", "SimScenario", "SimModels", "SimChecks", "SimReports", "SimKernel"], swiftSettings: linkTimeOptimised),
        .executableTarget(name: "ripple", dependencies: ["RippleCommands"], swiftSettings: linkTimeOptimised, linkerSettings: optimisedLinking),
        .executableTarget(name: "ripple-fuzz", dependencies: ["SimScenario"], swiftSettings: linkTimeOptimised, linkerSettings: optimisedLinking),
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
