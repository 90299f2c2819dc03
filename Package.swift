// swift-tools-version:6.0
import PackageDescription

/// Cairo and Pango's header folders. pkg-config would add `-pthread`, which SwiftPM warns about, so the
/// folders are listed here and libraries are linked by Sources/CCairo/module.modulemap. Every folder is
/// listed, whether or not it exists yet: SwiftPM caches this manifest's result by its text, so a list
/// filtered by what exists would stay empty after a first `swift build` before `scripts/setup`.
let cairoIncludes: [SwiftSetting] = {
    let arch = ["x86_64", "aarch64", "arm", "i386", "powerpc64le", "s390x", "riscv64"]
        .map { "/usr/lib/\($0)-linux-gnu/glib-2.0/include" }
    let folders = ["/usr/include/pango-1.0", "/usr/include/poppler/glib", "/usr/include/poppler", "/usr/include/glib-2.0", "/usr/include/harfbuzz", "/usr/include/freetype2",
                   "/usr/include/libpng16", "/usr/include/fribidi", "/usr/include/cairo", "/usr/include/pixman-1"] + arch
    let flags = folders.flatMap { ["-Xcc", "-I" + $0] }
    return [.unsafeFlags(flags)]
}()

/// kaowu (考务): rosters and photo archives in, validated, seated and rendered exam paperwork out.
let package = Package(
    name: "kaowu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kaowu", targets: ["kaowu"]),
        // For the fuzz harnesses in Fuzz/ (a separate package that depends on this one by path).
        .library(name: "Support", targets: ["Support"]),
        .library(name: "Archive", targets: ["Archive"]),
        .library(name: "Roster", targets: ["Roster"]),
        .library(name: "Identity", targets: ["Identity"]),
        .library(name: "Photos", targets: ["Photos"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "Documents", targets: ["Documents"]),
        .library(name: "Pack", targets: ["Pack"]),
        .library(name: "Credentials", targets: ["Credentials"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System libraries (pkg-config), nothing else.
        .systemLibrary(name: "CCairo", providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CTurboJPEG", pkgConfig: "libturbojpeg", providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZbar", pkgConfig: "zbar", providers: [.apt(["libzbar-dev"])]),
        .systemLibrary(name: "CQPDF", pkgConfig: "libqpdf", providers: [.apt(["libqpdf-dev"])]),

        // Shared plumbing: diagnostics, text clean-up, GB18030 decoding, dates, file locks.
        .target(name: "Support"),
        // Zip archives read and written through libzip (photo archives, xlsx, packs).
        .target(name: "Archive", dependencies: ["Support", "CZip"]),
        .target(name: "Identity", dependencies: ["Support"], resources: [.copy("Resources/regions.tsv")]),
        .target(name: "Roster", dependencies: ["Support", "Archive", "CFreeXL"]),
        .target(name: "Photos", dependencies: ["Support", "Archive", "CTurboJPEG", "CPNG"]),
        .target(name: "Spreadsheet", dependencies: ["CXlsxWriter"]),
        .target(name: "Validation", dependencies: ["Support", "Identity", "Roster", "Photos", "Spreadsheet"]),
        .target(name: "Render", dependencies: ["Support", "Photos", "CCairo", "CQRencode", "Yams"], swiftSettings: cairoIncludes),
        .target(name: "Seating", dependencies: ["Support", "Validation"]),
        .target(name: "Documents", dependencies: ["Render", "Roster", "Identity", "Photos", "Validation", "Seating", "Support"],
                resources: [.copy("Resources/templates")]),
        .target(name: "Pack", dependencies: ["Archive", "Documents", "Seating", "Validation", "Spreadsheet", "Roster", "Identity", "Photos", "Support", "Render", "Yams",
                                             .product(name: "Crypto", package: "swift-crypto")]),
        // The certificate registry: SQLite through GRDB, PostgreSQL through postgres-nio.
        .target(name: "Registry", dependencies: ["Support", .product(name: "GRDB", package: "GRDB.swift"),
                                                 .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]),
        // Keys, trust lists, signed QR payloads (COSE/CWT), approvals and revocation lists; PDF signatures in PDF/ (libqpdf).
        .target(name: "Credentials", dependencies: ["Support", "CQPDF", .product(name: "Crypto", package: "swift-crypto"),
                                                    .product(name: "X509", package: "swift-certificates"),
                                                    .product(name: "SwiftASN1", package: "swift-asn1")]),
        // QR codes read back from photos and PDF pages (libzbar, poppler).
        .target(name: "Scan", dependencies: ["Photos", "CCairo", "CZbar"], swiftSettings: cairoIncludes),
        // A code and the registry → a verification report (what `kaowu verify` and the web service say); no Cairo.
        .target(name: "Verification", dependencies: ["Credentials", "Registry", .product(name: "Crypto", package: "swift-crypto")]),
        // The certificate job: pass rules, numbering, rendering, signing, the registry record, publishing.
        .target(name: "Certify", dependencies: ["Archive", "Credentials", "Registry", "Verification", "Scan", "Documents", "Pack", "Render", "Validation",
                                                "Roster", "Photos", "Spreadsheet", "Support", "Yams", .product(name: "Crypto", package: "swift-crypto")]),
        // The verification web service (`kaowu serve`): Hummingbird, pages from Mustache templates. Links no Cairo,
        // Pango, poppler or libzip: only the certificate and registry code.
        .target(name: "VerifyServer", dependencies: ["Credentials", "Registry", "Verification", "Support",
                                                     .product(name: "Hummingbird", package: "hummingbird"),
                                                     .product(name: "Mustache", package: "swift-mustache"),
                                                     .product(name: "HTTPTypes", package: "swift-http-types"),
                                                     .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                     .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Synthetic", dependencies: ["Support", "Archive", "Identity", "Spreadsheet", "Photos", "Render", "Documents", "Seating", "CTurboJPEG"]),
        .executableTarget(name: "kaowu", dependencies: [
            "Support", "Archive", "Identity", "Roster", "Photos", "Validation", "Seating", "Render", "Documents", "Pack", "Synthetic", "Registry", "Credentials",
            "Verification", "Certify", "VerifyServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestTools", path: "Sources/TestTools"),
        // Test-only: records batches in a loop until killed (RegistryTests' SIGKILL durability test).
        .executableTarget(name: "RegistryStress", dependencies: ["Registry"], path: "Sources/RegistryStress"),
        .testTarget(name: "SupportTests", dependencies: ["Support", "Archive"]),
        .testTarget(name: "IdentityTests", dependencies: ["Identity", "Support"]),
        .testTarget(name: "RosterTests", dependencies: ["Roster", "Support", "Archive"]),
        .testTarget(name: "PhotosTests", dependencies: ["Photos", "Support", "Archive", "CPNG", "CTurboJPEG"]),
        .testTarget(name: "ValidationTests", dependencies: ["Archive", "Validation", "Identity", "Photos", "Roster", "Support", "Synthetic", "TestTools"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "CCairo", "CTurboJPEG", "Synthetic", "TestTools"], swiftSettings: cairoIncludes),
        .testTarget(name: "SeatingTests", dependencies: ["Seating"]),
        .testTarget(name: "PackTests", dependencies: ["Archive", "Pack", "Documents", "Seating", "Roster", "Support", "Synthetic", "TestTools",
                                                    .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "PDFSignatureTests", dependencies: ["Credentials", "Render", "TestTools",
                                                             .product(name: "Crypto", package: "swift-crypto"),
                                                             .product(name: "X509", package: "swift-certificates"),
                                                             .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "ScanTests", dependencies: ["Scan", "Render", "Support", "CTurboJPEG", "TestTools"]),
        .testTarget(name: "ReadmeTests", dependencies: ["TestTools"]),
        .testTarget(name: "RegistryTests", dependencies: ["Registry", "Support", "TestTools", .product(name: "GRDB", package: "GRDB.swift"),
                                                       .product(name: "PostgresNIO", package: "postgres-nio"),
                                                       .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials", "Support", "Render", "TestTools",
                                                          .product(name: "Crypto", package: "swift-crypto"), .product(name: "X509", package: "swift-certificates")]),
        .testTarget(name: "CertifyTests", dependencies: ["Archive", "Certify", "Credentials", "Registry", "Verification", "Render", "Support", "Synthetic", "TestTools",
                                                      .product(name: "HTTPTypes", package: "swift-http-types"),
                                                     .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                     .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "ServerTests", dependencies: ["VerifyServer", "Photos", "Credentials", "Registry", "Verification", "Support", "TestTools",
                                                     .product(name: "AsyncHTTPClient", package: "async-http-client"),
                                                     .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                                                     .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]),
        .testTarget(name: "DocumentsTests", dependencies: ["Archive", "Documents", "Render", "Validation", "Support", "Synthetic", "TestTools"]),
    ]
)
