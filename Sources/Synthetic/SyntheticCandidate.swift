import Foundation
import Identity
import Support

/// An invented candidate with a well-formed resident ID (real region code, valid check character).
public struct SyntheticCandidate: Sendable {
    public var name: String
    public var gender: String
    public var id: String
    public var birthdate: String
    public var phone: String
    public var school: String
    public var major: String
    public var subject: String

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢")
    static let givenChars = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉兰文辉鑫宇浩欣怡子涵梓轩俊博晨雨佳琪思嘉睿泽一诺铭瑶婷峰亮斌凯")
    /// Real GB/T 2260 county-level codes in use today.
    static let regions = ["110101", "110105", "110108", "310101", "310104", "310115", "320102", "320506", "330106", "330110",
                          "340104", "350203", "360102", "370102", "370202", "410105", "420106", "430104", "440106", "440305",
                          "450103", "500103", "510107", "520102", "530102", "610113", "620102", "650102", "210102", "230102"]
    static let schools = ["上海信息技术职业学院", "北京电子科技职业学院", "深圳职业技术大学", "成都航空职业技术学院",
                          "杭州职业技术学院", "西安职业技术学院", "广州番禺职业技术学院", "南京工业职业技术大学"]
    static let majors = ["计算机应用技术", "软件技术", "电子商务", "大数据技术", "工业机器人技术", "会计信息管理"]
    static let subjects = ["Web 前端开发（中级）", "大数据应用开发（初级）", "工业机器人操作与运维（中级）", "财务数字化应用（初级）"]

    /// GB 11643 MOD 11-2 check character of the first 17 digits.
    public static func checkCharacter(_ first17: String) -> Character {
        IdentityValidator.checkCharacter(for: first17) ?? "?"
    }

    /// The `index`-th candidate of the stream seeded by `seed` (sequence numbers keep IDs unique).
    public static func make(index: Int, random: inout SeededRandom) -> SyntheticCandidate {
        let surname = surnames.randomElement(using: &random)!
        let givenCount = Int.random(in: 1...2, using: &random)
        let given = String((0..<givenCount).map { _ in givenChars.randomElement(using: &random)! })
        let male = Bool.random(using: &random)
        // Region, birth date and sequence number follow from the index, so IDs never repeat:
        // for each of 30 regions, q ↦ (birth date, sequence) is one-to-one for q < 8,000 × 500
        // (dates spread over 1985-01-01 + 0…7,999 days), so up to 120 million candidates.
        let region = regions[index % regions.count]
        let q = index / regions.count
        let r = q % 8000
        let (year, month, day) = DayCount.civil(daysSince1970: 5479 + r * 997 % 8000)   // 1985-01-01 + 0…7,999 days
        let sequence = ((q / 8000 + 7 * r) % 500) * 2 + (male ? 1 : 0)
        let first17 = region + String(format: "%04d%02d%02d%03d", year, month, day, sequence)
        let id = first17 + String(checkCharacter(first17))
        return SyntheticCandidate(
            name: String(surname) + given, gender: male ? "男" : "女", id: id,
            birthdate: String(format: "%04d-%02d-%02d", year, month, day),
            phone: "1" + ["38", "39", "50", "58", "86", "89"].randomElement(using: &random)! + String(format: "%08d", Int.random(in: 0..<100_000_000, using: &random)),
            school: schools.randomElement(using: &random)!, major: majors.randomElement(using: &random)!,
            subject: subjects.randomElement(using: &random)!)
    }
}
