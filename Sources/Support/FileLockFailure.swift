extension FileLock.Failure: Diagnostic {
    /// `output.busy` when another process holds the lock, `output.refused` when the lock file cannot be used.
    public var code: String {
        if case .held = self { return "output.busy" }
        return "output.refused"
    }

    public var facts: DiagnosticFacts {
        switch self {
        case .held(let path, _), .unusable(let path, _): return DiagnosticFacts(file: path)
        }
    }

    public func message(_ l: Language) -> String {
        switch self {
        case .held(let path, let holder):
            let who = holder.map { l.pick("进程 \($0.pid)（\($0.host)，\($0.started) 开始）", "process \($0.pid) on \($0.host), started \($0.started)") }
                ?? l.pick("另一个进程", "another process")
            return l.pick("\(path)：另一个 kaowu 正在使用：\(who)", "\(path): another kaowu run holds it: \(who)")
        case .unusable(let path, let reason):
            return l.pick("\(path)：无法使用锁文件（\(reason)）", "\(path): the lock file cannot be used (\(reason))")
        }
    }
}
