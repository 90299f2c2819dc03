// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Cairo and Pango's header folders, as in ../Package.swift: harnesses that import Render (and so its Cairo
/// module) need them to load that module.
let cairoIncludes: [SwiftSetting] = {
    let arch = ["x86_64", "aarch64", "arm", "i386", "powerpc64le", "s390x", "riscv64"]
        .map { "/usr/lib/\($0)-linux-gnu/glib-2.0/include" }
    let folders = ["/usr/include/pango-1.0", "/usr/include/poppler/glib", "/usr/include/poppler", "/usr/include/glib-2.0", "/usr/include/harfbuzz", "/usr/include/freetype2",
                   "/usr/include/libpng16", "/usr/include/fribidi", "/usr/include/cairo", "/usr/include/pixman-1"] + arch
    let flags = folders.filter { FileManager.default.fileExists(atPath: $0) }.flatMap { ["-Xcc", "-I" + $0] }
    return [.unsafeFlags(flags)]
}()

/// How the harnesses link: with lld (SwiftPM's default, gold, keeps the coverage counters of only one object
/// file, so libFuzzer finds nothing new) and with libFuzzer and ASan. `scripts/fuzz` compiles with
/// `--sanitize fuzzer -Xswiftc -sanitize=fuzzer,address`: one combined flag, because of two `-sanitize=`
/// flags swiftc keeps only the last, and SwiftPM orders its `--sanitize` set differently from run to run.
let fuzzerLinking: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld", "-sanitize=fuzzer,address"])]

/// libFuzzer harnesses for kaowu's input readers. Not part of the normal build: `scripts/fuzz` builds them
/// with libFuzzer and AddressSanitizer and runs each. Every harness is an executable whose only
/// entry point is `LLVMFuzzerTestOneInput` (libFuzzer supplies `main`).
let package = Package(
    name: "kaowu-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "kaowu", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzXlsx", dependencies: ["FuzzSupport", .product(name: "Roster", package: "kaowu"),
                                                           .product(name: "Support", package: "kaowu")], linkerSettings: fuzzerLinking),
        .executableTarget(name: "FuzzDelimited", dependencies: ["FuzzSupport", .product(name: "Roster", package: "kaowu"),
                                                                .product(name: "Support", package: "kaowu")], linkerSettings: fuzzerLinking),
        .executableTarget(name: "FuzzPhotoArchive", dependencies: ["FuzzSupport", .product(name: "Photos", package: "kaowu")],
                         linkerSettings: fuzzerLinking),
        .executableTarget(name: "FuzzImage", dependencies: [.product(name: "Photos", package: "kaowu")], linkerSettings: fuzzerLinking),
        .executableTarget(name: "FuzzJob", dependencies: [.product(name: "Pack", package: "kaowu")], swiftSettings: cairoIncludes,
                         linkerSettings: fuzzerLinking),
        .executableTarget(name: "FuzzTemplate", dependencies: [.product(name: "Render", package: "kaowu"),
                                                               .product(name: "Documents", package: "kaowu")], swiftSettings: cairoIncludes,
                         linkerSettings: fuzzerLinking),
        .executableTarget(name: "FuzzCertificateCode", dependencies: [.product(name: "Credentials", package: "kaowu")], linkerSettings: fuzzerLinking),
    ]
)
