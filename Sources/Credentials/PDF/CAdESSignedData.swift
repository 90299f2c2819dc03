import Crypto
import SwiftASN1
import X509

/// Builds the CMS SignedData of a PAdES B-B signature (ETSI EN 319 142-1, CAdES detached): SHA-256,
/// signed attributes content-type (id-data), message-digest and ESS signing-certificate-v2 (the hash of
/// the signer's certificate, binding it to the signature), no signing-time (PAdES puts the time in the
/// signature dictionary's /M), the signer's certificate embedded, ECDSA P-256 with SHA-256.
/// Written with swift-asn1 because swift-certificates' CMS (SPI) has no way to add the ESS attribute.
enum CAdESSignedData {
    /// The DER SignedData (in its ContentInfo) over content whose SHA-256 is `digest`.
    static func sign(digest: SHA256.Digest, certificate: Certificate, privateKey: P256.Signing.PrivateKey) throws -> [UInt8] {
        let certificateDER = try der { try $0.serialize(certificate) }
        let issuerDER = try der { try $0.serialize(certificate.issuer) }
        let serial = certificate.serialNumber.bytes

        let attributes = try [
            attribute(CMSIdentifiers.contentType) { try $0.serialize(CMSIdentifiers.data) },
            attribute(CMSIdentifiers.messageDigest) { try $0.serialize(ASN1OctetString(contentBytes: ArraySlice(digest))) },
            attribute(CMSIdentifiers.signingCertificateV2) { coder in
                // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 ::= SEQUENCE {
                // hashAlgorithm DEFAULT sha256 (so absent), certHash, issuerSerial { GeneralNames, serial } }
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        try coder.appendConstructedNode(identifier: .sequence) { coder in
                            try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(SHA256.hash(data: certificateDER))))
                            try coder.appendConstructedNode(identifier: .sequence) { coder in
                                coder.appendConstructedNode(identifier: .sequence) { coder in
                                    // GeneralName directoryName [4] EXPLICIT Name
                                    coder.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 4, tagClass: .contextSpecific)) {
                                        $0.serializeRawBytes(issuerDER)
                                    }
                                }
                                try coder.serialize(serial)
                            }
                        }
                    }
                }
            },
        ].sorted { $0.lexicographicallyPrecedes($1) }   // DER: a SET OF in ascending order of its encodings
        let attributeBytes = attributes.flatMap { $0 }

        // The signature covers the attributes' DER as a SET (RFC 5652 §5.4), stored [0] IMPLICIT.
        let signedSet = try der { $0.appendConstructedNode(identifier: .set) { $0.serializeRawBytes(attributeBytes) } }
        let signature = try privateKey.signature(for: signedSet).derRepresentation

        return try der { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in        // ContentInfo
                try coder.serialize(CMSIdentifiers.signedData)
                try coder.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)) { coder in
                    try coder.appendConstructedNode(identifier: .sequence) { coder in    // SignedData
                        try coder.serialize(1)
                        try coder.appendConstructedNode(identifier: .set) { try algorithm(&$0, CMSIdentifiers.sha256) }
                        try coder.appendConstructedNode(identifier: .sequence) { try $0.serialize(CMSIdentifiers.data) }
                        coder.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)) {
                            $0.serializeRawBytes(certificateDER)
                        }
                        try coder.appendConstructedNode(identifier: .set) { coder in
                            try coder.appendConstructedNode(identifier: .sequence) { coder in    // SignerInfo
                                try coder.serialize(1)
                                try coder.appendConstructedNode(identifier: .sequence) { coder in   // IssuerAndSerialNumber
                                    coder.serializeRawBytes(issuerDER)
                                    try coder.serialize(serial)
                                }
                                try algorithm(&coder, CMSIdentifiers.sha256)
                                coder.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)) {
                                    $0.serializeRawBytes(attributeBytes)
                                }
                                try coder.appendConstructedNode(identifier: .sequence) { try $0.serialize(CMSIdentifiers.ecdsaWithSHA256) }
                                try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(signature)))
                            }
                        }
                    }
                }
            }
        }
    }

    private static func der(_ body: (inout DER.Serializer) throws -> Void) throws -> [UInt8] {
        var coder = DER.Serializer()
        try body(&coder)
        return coder.serializedBytes
    }

    /// Attribute ::= SEQUENCE { attrType, attrValues SET OF (one value) }
    private static func attribute(_ type: ASN1ObjectIdentifier, value: (inout DER.Serializer) throws -> Void) throws -> [UInt8] {
        try der { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(type)
                try coder.appendConstructedNode(identifier: .set) { try value(&$0) }
            }
        }
    }

    /// A digest AlgorithmIdentifier with NULL parameters absent (RFC 5754 §2).
    private static func algorithm(_ coder: inout DER.Serializer, _ oid: ASN1ObjectIdentifier) throws {
        try coder.appendConstructedNode(identifier: .sequence) { try $0.serialize(oid) }
    }
}
