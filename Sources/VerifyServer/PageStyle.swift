import Crypto
import Foundation

/// The pages' only style sheet, inline (no external assets: the page works on a kiosk network) and allowed
/// by its hash in the Content-Security-Policy, so no other style or script can run.
enum PageStyle {
    static let css = """
    *{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;\
    background:#f2f4f7;color:#1d2330;line-height:1.5;-webkit-text-size-adjust:100%}\
    main{max-width:560px;margin:0 auto;padding:0 0 24px}\
    header{padding:14px 18px 10px;font-size:15px;color:#4a5568;display:flex;justify-content:space-between;align-items:center}\
    header a{color:#2b6cb0;text-decoration:none;font-size:14px}\
    .band{margin:0 12px;border-radius:14px;padding:22px 18px;color:#fff;text-align:center}\
    .band .mark{font-size:44px;line-height:1;font-weight:700}\
    .band h1{margin:8px 0 4px;font-size:30px;letter-spacing:2px}.band p{margin:0;font-size:15px;opacity:.95}\
    .ok{background:#1e8e3e}.warn{background:#b7791f}.bad{background:#c53030}.grey{background:#4a5568}\
    section{background:#fff;margin:12px;border-radius:14px;padding:6px 16px}\
    section h2{font-size:15px;color:#4a5568;margin:10px 0 2px;font-weight:600}\
    dl{margin:0}.row{display:flex;padding:9px 0;border-bottom:1px solid #edf0f4;gap:12px}.row:last-child{border-bottom:0}\
    dt{flex:0 0 6.5em;color:#718096;font-size:15px}dd{margin:0;flex:1;font-size:16px;word-break:break-all}\
    .photo{text-align:center;padding:12px 0 4px}.photo img{width:118px;height:165px;object-fit:cover;border-radius:6px;border:1px solid #e2e8f0}\
    .hash{font-family:ui-monospace,monospace;font-size:12px;color:#4a5568;word-break:break-all}\
    form{display:flex;flex-direction:column;gap:10px;padding:10px 0 14px}label{font-size:15px;color:#4a5568}\
    input{font-size:17px;padding:10px 12px;border:1px solid #cbd5e0;border-radius:8px;width:100%}\
    button{font-size:17px;padding:12px;border:0;border-radius:8px;background:#2b6cb0;color:#fff}\
    .note{font-size:13px;color:#718096;margin:8px 16px}footer{font-size:12px;color:#718096;text-align:center;margin:14px}
    """

    /// The CSP source that allows exactly this style sheet.
    static let hashSource: String = {
        "'sha256-" + Data(SHA256.hash(data: Data(css.utf8))).base64EncodedString() + "'"
    }()

    /// The Content-Security-Policy of every response: nothing from anywhere but this style and `data:` images.
    static let contentSecurityPolicy = "default-src 'none'; style-src \(hashSource); img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
}
