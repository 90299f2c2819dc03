/// An exam room: where it is, what kind of exam it holds (机考/笔试/实操), how many seats in how many columns.
public struct Room: Sendable, Equatable {
    public var site: String
    public var siteCode: String
    public var name: String
    public var type: String
    public var seats: Int
    public var columns: Int
    public var address: String
    /// 1-based position of the room within its site (the `{room}` of ticket numbers).
    public var number: Int

    public init(site: String, siteCode: String, name: String, type: String, seats: Int, columns: Int, address: String = "", number: Int) {
        self.site = site
        self.siteCode = siteCode
        self.name = name
        self.type = type
        self.seats = seats
        self.columns = max(1, columns)
        self.address = address
        self.number = number
    }

    /// Seats per column (rows of desks).
    public var rows: Int { (seats + columns - 1) / columns }
}
