import StepChangeKit

/// The frame every room page shares: a complete HTML document with its styles inline and nothing
/// loaded from anywhere, and, when the page should follow the workshop, a small inline script that
/// reloads it when the room changes (never while the person is filling in a form). With scripts
/// blocked, pages without a form refresh by a meta tag instead; forms work as plain posts.
enum PageLayout {
    enum Refresh {
        /// A page with a form: reloads only while untouched.
        case whenUntouched
        /// A page to watch: reloads on every change.
        case always
        case never
    }

    static func page(title: String, body: String, version: Int, refresh: Refresh, projector: Bool = false) -> String {
        var head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += "<title>\(HTMLRenderer.escape(title))</title><style>\(projector ? screenStyle : phoneStyle)</style>"
        if refresh == .always { head += "<noscript><meta http-equiv=\"refresh\" content=\"4\"></noscript>" }
        let script = refresh == .never ? "" : "<script>" + refreshScript + "</script>"
        return head + "</head><body data-v=\"\(version)\">" + body + script + "</body></html>"
    }

    /// The only script any page runs: the same text on every page (the version it compares with is in
    /// the body's `data-v`), so the Content-Security-Policy allows exactly it by its hash and no other
    /// inline script, even one that slipped past the escaping.
    static let refreshScript = "(function(){var v=document.body.getAttribute(\"data-v\"),touched=false;"
        + "document.addEventListener(\"input\",function(){touched=true});document.addEventListener(\"change\",function(){touched=true});"
        + "function check(){var x=new XMLHttpRequest();x.open(\"GET\",\"/v\");x.onload=function(){"
        + "if(x.status===200&&x.responseText.trim()!==v&&!touched){location.reload()}};x.send()}"
        + "setInterval(check,2000)})()"

    static let phoneStyle = """
    *{box-sizing:border-box}body{font:18px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:16px;max-width:640px;margin:auto;color:#111;background:#fafafa}
    h1{font-size:1.3em;margin:.3em 0}.meta{color:#555;font-size:.9em}.note{background:#eef5ff;border-left:4px solid #36c;padding:8px 12px}
    .ok{background:#e8f6ea;border-left:4px solid #2a7;padding:12px;font-size:1.1em}.error{background:#fdecea;border-left:4px solid #c33;padding:12px}
    button,.button{display:block;width:100%;text-align:left;font:inherit;padding:14px;margin:8px 0;border:2px solid #36c;border-radius:10px;background:#fff;color:#111;text-decoration:none}
    button b{font-size:1.4em;margin-right:.4em}button small{display:block;color:#444;margin-top:4px}button.primary{background:#36c;color:#fff;text-align:center}button.quiet{border:1px solid #bbb;color:#555;font-size:.85em;padding:8px;margin-top:32px;width:auto}
    input[type=text],select{font:inherit;width:100%;padding:10px;border:1px solid #999;border-radius:8px}label{display:block;margin:12px 0 4px}
    .bar{display:flex;align-items:center;gap:8px;margin:4px 0}.bar span.fill{background:#36c;height:22px;border-radius:4px}.bar .label{width:2.5em;font-weight:bold}
    table{border-collapse:collapse;width:100%}td{padding:6px;border-bottom:1px solid #ddd;vertical-align:top}
    """

    static let screenStyle = """
    *{box-sizing:border-box}body{font:28px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:40px 56px;color:#111;background:#fff}
    h1{font-size:2.2em;margin:.2em 0 .4em;line-height:1.2}.meta{color:#444;font-size:.9em}.count{font-size:2em;font-weight:bold;color:#1a4fa0}
    .scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:16px;margin-top:24px}.level{border:3px solid #1a4fa0;border-radius:14px;padding:14px}
    .level b{font-size:1.6em;display:block}.level small{font-size:.8em;color:#222;display:block;margin-top:6px}.side{display:flex;gap:40px;align-items:flex-start}.grow{flex:1}
    .join{text-align:center;font-size:.8em}.join code{font-size:1.3em}.summary{font-size:1.3em;margin-top:16px}
    table{border-collapse:collapse;width:100%;font-size:.9em}td,th{padding:10px;border-bottom:2px solid #ddd;text-align:left;vertical-align:top}
    .chain{display:grid;grid-template-columns:repeat(3,1fr);gap:24px}.chain div{border:3px solid #1a4fa0;border-radius:14px;padding:14px}.chain h2{margin:0 0 8px;font-size:1em;color:#1a4fa0}
    ul{margin:.2em 0;padding-left:1.2em}
    """
}
