import Crypto
import Foundation
import SwiftASN1
import X509

/// Reads a detached CMS SignedData (RFC 5652) from a PDF signature and checks it against the signed bytes:
/// exactly one signer, found among the embedded certificates by issuer and serial number; digest
/// SHA-256/384/512; ECDSA or RSA PKCS#1 v1.5; with signed attributes, content-type id-data and exactly
/// one message-digest equal to the content's digest, an ESS signing-certificate(-v2) hash, when present,
/// equal to the signer's certificate, and the signature over the attributes' DER; without, the signature
/// over the content. Only DER is accepted (every length bounded by the input); it never traps.
enum CMSSignatureCheck {
    enum Outcome {
        case valid(signer: Certificate, signingTime: Date?)
        /// Well-formed and signed by the certificate, but over other content: the bytes changed.
        case digestMismatch
        case invalid(String)
    }

    private struct Malformed: Error { let reason: String }

    static func check(_ cms: ArraySlice<UInt8>, content: [ArraySlice<UInt8>]) -> Outcome {
        do {
            return try checkThrowing(cms, content: content)
        } catch let error as Malformed {
            return .invalid(error.reason)
        } catch {
            return .invalid("CMS: \(error)")
        }
    }

    private static let context0 = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let context1 = ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific)

    private static func checkThrowing(_ cms: ArraySlice<UInt8>, content: [ArraySlice<UInt8>]) throws -> Outcome {
        let root = try DER.parse(cms)
        let signedData: ASN1Node = try DER.sequence(root, identifier: .sequence) { nodes in
            guard try ASN1ObjectIdentifier(derEncoded: &nodes) == CMSIdentifiers.signedData else { throw Malformed(reason: "not SignedData") }
            guard let wrapper = nodes.next(), wrapper.identifier == context0, case .constructed(let inner) = wrapper.content else {
                throw Malformed(reason: "SignedData missing")
            }
            var inside = inner.makeIterator()
            guard let node = inside.next(), inside.next() == nil else { throw Malformed(reason: "SignedData malformed") }
            return node
        }

        var digestAlgorithms: [ASN1ObjectIdentifier] = []
        var certificates: [Certificate] = []
        let signerNode: ASN1Node = try DER.sequence(signedData, identifier: .sequence) { nodes in
            // Version 1: data content, version-1 signer, X.509 certificates only (RFC 5652 §5.1), as PDF signers write.
            let version = try Int(derEncoded: &nodes)
            guard version == 1 else { throw Malformed(reason: "SignedData version \(version)") }
            digestAlgorithms = try children(nodes.next() ?? missing(), .set).map { try algorithm($0) }
            try DER.sequence(nodes.next() ?? missing(), identifier: .sequence) { encapsulated in
                guard try ASN1ObjectIdentifier(derEncoded: &encapsulated) == CMSIdentifiers.data else { throw Malformed(reason: "content type is not data") }
                guard encapsulated.next() == nil else { throw Malformed(reason: "content is attached, not detached") }
            }
            if let set = DER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific, { $0 }) {
                guard case .constructed(let items) = set.content else { throw Malformed(reason: "certificates malformed") }
                for item in items where item.identifier == .sequence {
                    certificates.append(try Certificate(derEncoded: item))
                    guard certificates.count <= 32 else { throw Malformed(reason: "too many certificates") }
                }
            }
            _ = DER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific, { $0 })   // CRLs: not used
            let signers = try children(nodes.next() ?? missing(), .set)
            guard signers.count == 1 else { throw Malformed(reason: "\(signers.count) signers") }
            return signers[0]
        }

        return try DER.sequence(signerNode, identifier: .sequence) { nodes in
            guard try Int(derEncoded: &nodes) == 1 else { throw Malformed(reason: "signer identified by key identifier") }
            let (issuer, serial) = try DER.sequence(nodes.next() ?? missing(), identifier: .sequence) { sid in
                (try DistinguishedName(derEncoded: sid.next() ?? missing()), try ArraySlice<UInt8>(derEncoded: &sid))
            }
            let digestAlgorithm = try algorithm(nodes.next() ?? missing())
            let attributes = DER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific, { $0 })
            let signatureAlgorithmOID = try algorithm(nodes.next() ?? missing())
            let signature = try ASN1OctetString(derEncoded: &nodes)
            _ = DER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific, { $0 })

            guard digestAlgorithms.contains(digestAlgorithm) else { throw Malformed(reason: "digest algorithm not listed") }
            let signatureAlgorithm = try pairing(signatureAlgorithmOID, digest: digestAlgorithm)
            guard let signer = certificates.first(where: { $0.issuer == issuer && $0.serialNumber.bytes == serial }) else {
                throw Malformed(reason: "signer's certificate not embedded")
            }
            let contentDigest = try digest(content, with: digestAlgorithm)

            guard let attributes else {
                let bytes = content.flatMap { $0 }
                guard signer.publicKey.isValidSignature(signature.bytes, for: bytes, signatureAlgorithm: signatureAlgorithm) else {
                    return .invalid("signature does not verify")
                }
                return .valid(signer: signer, signingTime: nil)
            }
            let read = try SignedAttributes(attributes)
            guard read.contentTypeIsData else { throw Malformed(reason: "content-type attribute is not data") }
            if let (algorithm, hash) = read.certificateHash {
                let certificateDER = try serialized(signer)
                guard try digest([certificateDER[...]], with: algorithm) == hash else {
                    return .invalid("signing-certificate attribute names another certificate")
                }
            }
            guard read.messageDigest == contentDigest else { return .digestMismatch }
            // The signature is over the attributes' DER with the SET tag, not the [0] they are stored under.
            var signedBytes = Array(attributes.encodedBytes)
            signedBytes[0] = 0x31
            guard signer.publicKey.isValidSignature(signature.bytes, for: signedBytes, signatureAlgorithm: signatureAlgorithm) else {
                return .invalid("signature does not verify")
            }
            return .valid(signer: signer, signingTime: read.signingTime)
        }
    }

    private static func missing() throws -> ASN1Node { throw Malformed(reason: "CMS ends early") }

    /// The elements of a SET (or other constructed node) with `identifier`.
    private static func children(_ node: ASN1Node, _ identifier: ASN1Identifier) throws -> [ASN1Node] {
        guard node.identifier == identifier, case .constructed(let items) = node.content else {
            throw Malformed(reason: "expected \(identifier), found \(node.identifier)")
        }
        return Array(items)
    }

    /// The OID of an AlgorithmIdentifier (parameters, NULL or absent, ignored).
    private static func algorithm(_ node: ASN1Node) throws -> ASN1ObjectIdentifier {
        try DER.sequence(node, identifier: .sequence) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            _ = nodes.next()
            return oid
        }
    }

    /// The signature algorithm a signer's (signature, digest) pair names; any other pairing is refused.
    private static func pairing(_ oid: ASN1ObjectIdentifier, digest: ASN1ObjectIdentifier) throws -> Certificate.SignatureAlgorithm {
        switch (oid, digest) {
        case (CMSIdentifiers.ecdsaWithSHA256, CMSIdentifiers.sha256): return .ecdsaWithSHA256
        case (CMSIdentifiers.ecdsaWithSHA384, CMSIdentifiers.sha384): return .ecdsaWithSHA384
        case (CMSIdentifiers.ecdsaWithSHA512, CMSIdentifiers.sha512): return .ecdsaWithSHA512
        case (CMSIdentifiers.sha256WithRSA, CMSIdentifiers.sha256), (CMSIdentifiers.rsaEncryption, CMSIdentifiers.sha256): return .sha256WithRSAEncryption
        case (CMSIdentifiers.sha384WithRSA, CMSIdentifiers.sha384), (CMSIdentifiers.rsaEncryption, CMSIdentifiers.sha384): return .sha384WithRSAEncryption
        case (CMSIdentifiers.sha512WithRSA, CMSIdentifiers.sha512), (CMSIdentifiers.rsaEncryption, CMSIdentifiers.sha512): return .sha512WithRSAEncryption
        default: throw Malformed(reason: "unsupported algorithm \(oid) with \(digest)")
        }
    }

    static func digest(_ parts: [ArraySlice<UInt8>], with algorithm: ASN1ObjectIdentifier) throws -> [UInt8] {
        func run<H: HashFunction>(_ hash: H.Type) -> [UInt8] {
            var hasher = H()
            for part in parts { hasher.update(data: part) }
            return Array(hasher.finalize())
        }
        switch algorithm {
        case CMSIdentifiers.sha256: return run(SHA256.self)
        case CMSIdentifiers.sha384: return run(SHA384.self)
        case CMSIdentifiers.sha512: return run(SHA512.self)
        default: throw Malformed(reason: "unsupported digest \(algorithm)")
        }
    }

    static func serialized(_ certificate: Certificate) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(certificate)
        return coder.serializedBytes
    }

    /// The signed attributes a check needs, each type at most once (RFC 5652 §5.3).
    private struct SignedAttributes {
        var contentTypeIsData = false
        var messageDigest: [UInt8]?
        var signingTime: Date?
        var certificateHash: (ASN1ObjectIdentifier, [UInt8])?

        init(_ node: ASN1Node) throws {
            guard case .constructed(let items) = node.content else { throw Malformed(reason: "signed attributes malformed") }
            var seen: Set<ASN1ObjectIdentifier> = []
            for item in items {
                let (type, values): (ASN1ObjectIdentifier, [ASN1Node]) = try DER.sequence(item, identifier: .sequence) { nodes in
                    (try ASN1ObjectIdentifier(derEncoded: &nodes), try children(nodes.next() ?? missing(), .set))
                }
                guard seen.insert(type).inserted else { throw Malformed(reason: "attribute \(type) twice") }
                switch type {
                case CMSIdentifiers.contentType:
                    guard values.count == 1 else { throw Malformed(reason: "content-type values") }
                    contentTypeIsData = try ASN1ObjectIdentifier(derEncoded: values[0]) == CMSIdentifiers.data
                case CMSIdentifiers.messageDigest:
                    guard values.count == 1 else { throw Malformed(reason: "message-digest values") }
                    messageDigest = Array(try ASN1OctetString(derEncoded: values[0]).bytes)
                case CMSIdentifiers.signingTime:
                    guard values.count == 1 else { throw Malformed(reason: "signing-time values") }
                    signingTime = try Self.time(values[0])
                case CMSIdentifiers.signingCertificateV2:
                    guard values.count == 1 else { throw Malformed(reason: "signing-certificate values") }
                    certificateHash = try Self.firstCertificateHash(values[0])
                default:
                    continue
                }
            }
            guard messageDigest != nil else { throw Malformed(reason: "no message-digest attribute") }
        }

        /// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies OPTIONAL }: the first
        /// ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPTIONAL } names the signer.
        private static func firstCertificateHash(_ node: ASN1Node) throws -> (ASN1ObjectIdentifier, [UInt8]) {
            try DER.sequence(node, identifier: .sequence) { nodes in
                let first: (ASN1ObjectIdentifier, [UInt8]) = try DER.sequence(nodes.next() ?? missing(), identifier: .sequence) { ids in
                    guard let id = ids.next() else { throw Malformed(reason: "signing-certificate empty") }
                    while ids.next() != nil {}
                    return try DER.sequence(id, identifier: .sequence) { fields in
                        var algorithm = CMSIdentifiers.sha256
                        if let node = DER.optionalImplicitlyTagged(&fields, tagNumber: 16, tagClass: .universal, { $0 }) {
                            algorithm = try CMSSignatureCheck.algorithm(node)
                        }
                        let hash = Array(try ASN1OctetString(derEncoded: &fields).bytes)
                        while fields.next() != nil {}
                        return (algorithm, hash)
                    }
                }
                while nodes.next() != nil {}
                return first
            }
        }

        private static func time(_ node: ASN1Node) throws -> Date {
            var parts = DateComponents()
            if node.identifier == UTCTime.defaultIdentifier {
                let time = try UTCTime(derEncoded: node)
                parts = DateComponents(year: time.year, month: time.month, day: time.day, hour: time.hours, minute: time.minutes, second: time.seconds)
            } else {
                let time = try GeneralizedTime(derEncoded: node)
                parts = DateComponents(year: time.year, month: time.month, day: time.day, hour: time.hours, minute: time.minutes, second: time.seconds)
            }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let date = calendar.date(from: parts) else { throw Malformed(reason: "signing time") }
            return date
        }
    }
}

extension CMSSignatureCheck {
    /// The DER SubjectPublicKeyInfo of `key`.
    static func serializedKey(_ key: Certificate.PublicKey) throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(key)
        return coder.serializedBytes
    }
}
