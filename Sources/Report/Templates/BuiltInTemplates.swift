/// The built-in templates, by name. Kept as Swift source so an installed,
/// copied binary carries them (no resource bundle to lose).
enum BuiltInTemplates {
    static let all: [String: String] = [
        "report": page,
        "style": style,
        "summary": summary,
        "accuracy": accuracy,
        "categories": categories,
        "em": em,
        "productivity": productivity,
        "reimbursement": reimbursement,
        "edits": edits,
        "payments": payments,
        "quality": quality,
        "definitions": definitions,
    ]

    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="{{contentSecurityPolicy}}">
        <meta name="referrer" content="no-referrer">
        <meta name="generator" content="codeaudit">
        <title>{{#hasPractice}}{{practice}} — {{/hasPractice}}Coding audit report, {{monthName}}</title>
        <style>{{{style}}}</style>
        </head>
        <body>
        <header class="masthead">
        <p class="kicker">Coding audit report</p>
        <h1>{{#hasPractice}}{{practice}} · {{/hasPractice}}{{monthName}}</h1>
        <p class="period">{{period}}</p>
        <nav aria-label="Sections"><ol class="toc">
        <li><a href="#summary">Summary</a></li><li><a href="#accuracy">Accuracy</a></li>
        <li><a href="#categories">Error categories</a></li><li><a href="#em">E/M levels</a></li>
        <li><a href="#productivity">Productivity</a></li><li><a href="#reimbursement">Reimbursement</a></li>
        <li><a href="#edits">Automated edits</a></li><li><a href="#payments">Payments and denials</a></li>
        <li><a href="#quality">Data quality</a></li>
        <li><a href="#definitions">Definitions</a></li>
        </ol></nav>
        </header>
        <main>
        {{> summary}}
        {{> accuracy}}
        {{> categories}}
        {{> em}}
        {{> productivity}}
        {{> reimbursement}}
        {{> edits}}
        {{> payments}}
        {{> quality}}
        {{> definitions}}
        </main>
        <footer>
        <p>Generated {{generatedAt}} by codeaudit from the practice's own store. No patient identifiers or encounter \
        numbers appear in this report; procedure codes are printed without descriptors.</p>
        </footer>
        </body>
        </html>

        """

    static let summary = """
        <section id="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <div class="tiles">
        {{#tiles}}
        <article class="tile">
        <h3>{{label}}</h3>
        <p class="tile-value">{{value}}</p>
        <p class="change change-{{changeClass}}">{{change}}</p>
        <p class="tile-detail">{{detail}}</p>
        {{{sparkline}}}
        </article>
        {{/tiles}}
        </div>
        <p class="note">The line under each figure is its last twelve months, {{monthName}} on the right.</p>
        </section>

        """

    static let definitions = """
        <section id="definitions" aria-labelledby="definitions-heading">
        <h2 id="definitions-heading">Definitions</h2>
        <dl class="definitions">
        {{#definitions}}
        <dt>{{term}}</dt>
        <dd>{{words}} <span class="formula">{{formula}}</span></dd>
        {{/definitions}}
        </dl>
        </section>

        """
}
