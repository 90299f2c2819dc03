/// qpdf's message for a file it cannot read or an object it cannot reach.
struct QPDFFailure: Error {
    let message: String
}
