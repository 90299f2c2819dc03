import Documents
import Foundation
import Render
import Seating
import Support

/// Invented candidates and job values to preview a template with (`kaowu preview`).
public enum SampleRecords {
    public static let context: [String: String] = [
        "exam.title": "2026年上半年职业技能等级证书考试", "exam.code": "2026A", "exam.date": "2026-06-20",
        "site.name": "上海信息技术职业学院考点", "site.code": "0101", "site.address": "上海市浦东新区科技路 100 号",
        "room.name": "第01考场", "room.address": "实训楼 A 座 301 室", "room.type": "笔试", "room.range": "2026A0101001 – 2026A0101030",
        "room.count": "30", "room.invigilators": "王老师、李老师",
        "session.subject": "Web 前端开发（中级）理论知识", "session.date": "2026-06-20", "session.time": "09:00–11:00",
        "sessions.1": "06月20日 09:00–11:00  理论知识", "sessions.2": "06月20日 13:30–16:30  实操技能",
        "course.name": "企业培训师（三级）提升培训班", "class.name": "2026 年第 3 期",
        "course.dates": "2026年07月06日 – 2026年07月17日", "course.place": "上海市培训协会培训中心 201 教室",
        "course.code": "PX2607", "class.place": "3 楼报告厅", "class.teacher": "王老师", "class.number": "1", "class.count": "30",
        "class.dates": "2026-07-06 至 07-07", "class.date": "2026-07-06", "class.time": "09:00–12:00", "class.topic": "培训需求分析",
        "class.hours": "3", "class.day-hours": "6", "class.total-hours": "8.5",
        "issuer.name": "上海市培训协会", "issuer.code": "SHPX",
        "certificate.number": "SHPX2026000123", "certificate.date": "2026-07-20", "certificate.valid": "2031-07-19",
        "certificate.kind": "培训合格证书", "certificate.title": "企业培训师（三级）", "certificate.category": "科技培训/创客",
        "certificate.qr": "HTTPS://V.EXAMPLE.ORG/1/D2SBGAQMEBZIG5DFON2A",
        "count.expected": "30",
    ].merging(TemplateValues.notices(notices)) { _, new in new }.merging(schedule) { _, new in new }

    /// A candidate's timetable of two sessions in two rooms (the ticket's list `schedule`).
    static let schedule: [String: String] = {
        let morning = ExamSession(subject: "Web 前端开发（中级）理论知识", code: "01", mode: "机考", start: "2026-06-20 09:00", end: "2026-06-20 11:00")
        let afternoon = ExamSession(subject: "Web 前端开发（中级）实操技能", code: "02", mode: "实操", start: "2026-06-20 13:30", end: "2026-06-20 16:30")
        let computers = Room(site: "上海信息技术职业学院考点", siteCode: "0101", name: "第01考场", type: "机考", seats: 30, columns: 5, address: "实训楼 A 座 301 室", number: 1)
        let workshop = Room(site: "上海信息技术职业学院考点", siteCode: "0101", name: "第03考场", type: "实操", seats: 30, columns: 5, address: "工程训练中心 101 室", number: 3)
        return TemplateValues.schedule([.init(session: morning, room: computers, roomAddress: computers.address, seat: 5, ticketNumber: "2026A0101005"),
                                        .init(session: afternoon, room: workshop, roomAddress: workshop.address, seat: 12, ticketNumber: "2026A0101005")])
    }()

    /// 考生须知 of the sample exam (`notice.N` and the numbered `notices`).
    static let notices = ["考生须携带准考证和有效身份证件，提前 30 分钟到达考场。", "开考 15 分钟后不得入场，考试开始 30 分钟内不得交卷离场。",
                          "除规定文具外，手机等电子设备须关机并放在指定位置。", "考生须服从监考人员管理，遵守考场纪律，独立完成作答。",
                          "请妥善保管本准考证，考后凭准考证查询成绩。"]

    /// `count` invented candidates with photos (values and images ready for a template).
    public static func records(_ count: Int, decodePixels: Bool = true) -> [RenderRecord] {
        var random = SeededRandom(seed: 20_260_620)
        let painter = PhotoPainter()
        return (0..<count).map { k in
            let c = SyntheticCandidate.make(index: k * 13 + 5, random: &random)
            var values = context
            values["name"] = k == 0 ? "阿卜杜热合曼·买买提" : c.name
            values["gender"] = c.gender
            values["id"] = c.id
            values["idType"] = "居民身份证"
            values["birthdate"] = c.birthdate
            values["phone"] = c.phone
            values["school"] = c.school
            values["major"] = c.major
            values["subject"] = c.subject
            values["seat"] = String(format: "%02d", k + 1)
            values["row.index"] = String(k + 1)
            values["ticketNumber"] = "2026A0101" + String(format: "%03d", k + 1)
            values["card.number"] = "PX260701" + String(format: "%03d", k + 1)
            values["证书编号"] = "SHPX2026" + String(format: "%06d", 123 + k)
            let photo = JPEGImage(painter.jpeg(background: .red, variant: k), id: "sample-\(k)", decodePixels: decodePixels)
            return RenderRecord(values: values, images: photo.map { ["photo": $0] } ?? [:])
        }
    }
}
