import Foundation

/// Reading one registry row's cells, the same on SQLite and PostgreSQL: each back end's reader gives text,
/// integers and the damage error for a cell; flags (0/1) and times (`RegistryTime` text) are read from those
/// here, once for both.
protocol RegistryCellReader {
    func text(_ index: Int) throws -> String
    func integer(_ index: Int) throws -> Int
    func damage(_ index: Int) -> RegistryRows.RowDamage
}

extension RegistryCellReader {
    func flag(_ index: Int) throws -> Bool {
        switch try integer(index) {
        case 0: return false
        case 1: return true
        default: throw damage(index)
        }
    }

    func time(_ index: Int) throws -> Date {
        guard let date = RegistryTime.parse(try text(index)) else { throw damage(index) }
        return date
    }
}
