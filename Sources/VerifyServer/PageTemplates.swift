import Foundation
import Mustache

/// The service's pages as Mustache templates. Every value is written with `{{ }}` (HTML-escaped); only
/// the constant style sheet is written raw.
enum PageTemplates {
    static let layout = """
    <!DOCTYPE html>
    <html lang="{{htmlLang}}"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <title>{{title}}</title><style>{{{style}}}</style></head>
    <body><main>
    <header><span>{{serviceName}}</span><a href="{{otherLanguageLink}}">{{otherLanguage}}</a></header>
    {{$body}}{{/body}}
    <footer>{{footer}}</footer>
    </main></body></html>
    """

    static let verification = """
    {{<layout}}{{$body}}
    <div class="band {{statusClass}}" id="status"><div class="mark">{{statusMark}}</div><h1>{{statusText}}</h1>{{#statusNote}}<p>{{statusNote}}</p>{{/statusNote}}</div>
    {{#photo}}<section class="photo"><img alt="{{photoAlt}}" src="{{photo}}"></section>{{/photo}}
    {{#hasFields}}<section><h2>{{fieldsTitle}}</h2><dl>{{#fields}}<div class="row"><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/fields}}</dl></section>{{/hasFields}}
    {{#hasApprovals}}<section><h2>{{approvalsTitle}}</h2><dl>{{#approvals}}<div class="row"><dt>{{role}}</dt><dd>{{text}}</dd></div>{{/approvals}}</dl></section>{{/hasApprovals}}
    {{#hasFiles}}<section><h2>{{filesTitle}}</h2><p class="hash">{{#files}}SHA-256 {{.}}<br>{{/files}}</p><p class="note">{{filesNote}} <a href="{{jsonLink}}">JSON</a></p></section>{{/hasFiles}}
    <section><h2>{{checksTitle}}</h2><dl>{{#checks}}<div class="row"><dt>{{name}}</dt><dd>{{mark}}</dd></div>{{/checks}}</dl></section>
    {{/body}}{{/layout}}
    """

    static let lookup = """
    {{<layout}}{{$body}}
    {{#message}}<div class="band {{messageClass}}" id="status"><h1>{{message}}</h1>{{#messageNote}}<p>{{messageNote}}</p>{{/messageNote}}</div>{{/message}}
    <section><h2>{{formTitle}}</h2>
    <form method="post" action="/lookup{{langQuery}}">
    <label for="number">{{numberLabel}}</label><input id="number" name="number" maxlength="128" required autocomplete="off">
    <label for="id">{{idLabel}}</label><input id="id" name="id" maxlength="64" autocomplete="off">
    <label for="name">{{nameLabel}}</label><input id="name" name="name" maxlength="64" autocomplete="off">
    <button type="submit">{{submit}}</button></form></section>
    <p class="note">{{formNote}}</p>
    {{/body}}{{/layout}}
    """

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        // The templates are constants of this file: a parse error is a programming error caught by every test.
        for (name, text) in [("layout", layout), ("verification", verification), ("lookup", lookup)] {
            library.register(try! MustacheTemplate(string: text), named: name)
        }
        return library
    }()
}
