import Crypto
import Foundation
import Support

/// The key under which a registry keeps a certificate's holder instead of the ID number itself: the hex
/// SHA-256 of `kaowu-holder-v1\n` followed by the normalised document number (`TextCleaner.documentNumber`,
/// upper case). The same person's number written with spaces, hyphens or a lower-case x gives the same key.
public enum HolderKey {
    /// The holder key of `documentNumber`.
    public static func of(documentNumber: String) -> String {
        let normalised = TextCleaner.documentNumber(documentNumber).uppercased()
        let digest = SHA256.hash(data: Data(("kaowu-holder-v1\n" + normalised).utf8))
        return Hex.encode(digest)
    }
}
