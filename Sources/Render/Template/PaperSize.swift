/// Page sizes by name, portrait, in millimetres.
enum PaperSize {
    static let sizes: [String: (Double, Double)] = [
        "A3": (297, 420), "A4": (210, 297), "A5": (148, 210), "A6": (105, 148), "B5": (176, 250),
        "card": (85.6, 54), "letter": (215.9, 279.4),
    ]
}
