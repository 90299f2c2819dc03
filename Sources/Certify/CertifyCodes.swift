/// The stable codes of the problems a certificate job finds in its roster (README, "Problem codes").
public enum CertifyCodes {
    /// A result column that a pass rule reads as a number holds something else.
    public static let resultInvalid = "certify.result-invalid"
    /// A roster column of the number pattern holds something a certificate number cannot.
    public static let numberInvalid = "certify.number-invalid"
    /// A number from the roster was already issued (to someone, on some day).
    public static let numberTaken = "certify.number-taken"
    /// Two rows would get the same number.
    public static let numberDuplicate = "certify.number-duplicate"
}
