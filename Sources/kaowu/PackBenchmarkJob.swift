import Foundation

/// The job file of `kaowu bench pack`: the synthetic roster and photos beside it, the four synthetic
/// subjects as sessions at four times (two 机考, one 实操, one 笔试), and rooms of 30 seats (6 columns) for
/// the largest session of every mode with 10 % to spare (机考 rooms serve both 机考 sessions), twenty rooms
/// per site; all four documents, shuffled seats, school separation.
enum PackBenchmarkJob {
    /// Writes the job to `path` for `n` candidates of `subjects` subjects each; returns the number of rooms.
    static func write(candidates n: Int, subjects: Int = 1, to path: String) throws -> Int {
        // Each session holds about a quarter of all registrations.
        let perSession = Double(n * min(subjects, 4)) / 4
        var rooms: [String] = []
        for mode in ["机考", "实操", "笔试"] {
            let count = Int((perSession * 1.1 / 30).rounded(.up)) + 1
            for _ in 0..<count {
                let k = rooms.count
                let site = k / 20 + 1
                rooms.append(String(format: "  - {site: 第%02d考点, site-code: \"%04d\", site-address: 上海市测试路 %d 号, name: 第%02d考场, type: %@, seats: 30, columns: 6, address: 教学楼 %d 室}",
                                    site, site, site, k % 20 + 1, mode, 100 + k % 20))
            }
        }
        let text = """
        # kaowu bench pack: \(n) synthetic candidates
        exam:
          title: 2026年上半年职业技能等级证书考试（基准测试）
          code: "26B"
          date: 2026-06-20
          notices: [考生须携带准考证和有效身份证件，提前 30 分钟到达考场。, 开考 15 分钟后不得入场。]
        inputs: {roster: roster.xlsx, photos: photos.zip}
        rooms:
        \(rooms.joined(separator: "\n"))
        sessions:
          - {subject: Web 前端开发（中级）, code: "1", mode: 机考, start: 2026-06-20 09:00, end: "11:00"}
          - {subject: 大数据应用开发（初级）, code: "2", mode: 机考, start: 2026-06-20 13:30, end: "15:30"}
          - {subject: 工业机器人操作与运维（中级）, code: "3", mode: 实操, start: 2026-06-21 09:00, end: "12:00"}
          - {subject: 财务数字化应用（初级）, code: "4", mode: 笔试, start: 2026-06-21 14:00, end: "16:00"}
        seating: {order: shuffle, seed: 1, numbering: snake, separate-schools: true}
        ticket-number: "{exam.code}{session.code}{site.code:4}{room:2}{seat:2}"
        documents: [door-label, sign-in-sheet, desk-label, admission-ticket]
        """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return rooms.count
    }
}
