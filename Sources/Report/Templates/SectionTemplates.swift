extension BuiltInTemplates {
    static let accuracy = """
        <section id="accuracy" aria-labelledby="accuracy-heading">
        <h2 id="accuracy-heading">Accuracy by coder and by provider</h2>
        {{#accuracy.hasData}}
        <p class="lead">Code accuracy with its 95% confidence interval (the whisker) against the 95% target (the \
        dashed line). Hatched bars are small samples (fewer than 30 codes reviewed): read them with care.</p>
        {{#accuracy.groups}}
        <figure class="chart-figure">
        <figcaption>Code accuracy {{heading}}</figcaption>
        {{{chart}}}
        </figure>
        {{#hasRows}}
        <div class="table-wrap"><table>
        <caption>Accuracy {{heading}}</caption>
        <thead><tr><th scope="col">{{dimension}}</th><th scope="col" class="num">Encounters audited</th>\
        <th scope="col" class="num">Encounter accuracy</th><th scope="col" class="num">Codes reviewed</th>\
        <th scope="col" class="num">Codes in error</th><th scope="col" class="num">Code accuracy</th>\
        <th scope="col" class="num">95% CI</th><th scope="col" class="num">Net impact</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{key}}{{#smallSample}} <span class="badge">small sample</span>{{/smallSample}}</th>\
        <td class="num">{{encountersAudited}}</td><td class="num">{{encounterAccuracy}}</td>\
        <td class="num">{{codesReviewed}}</td><td class="num">{{codesInError}}</td><td class="num">{{codeAccuracy}}</td>\
        <td class="num">{{interval}}</td><td class="num">{{net}}</td></tr>
        {{/rows}}
        </tbody></table></div>
        {{/hasRows}}
        {{/accuracy.groups}}
        <div class="table-wrap"><table>
        <caption>Accuracy by code type</caption>
        <thead><tr><th scope="col">Code type</th><th scope="col" class="num">Encounters audited</th>\
        <th scope="col" class="num">Encounter accuracy</th><th scope="col" class="num">Codes reviewed</th>\
        <th scope="col" class="num">Codes in error</th><th scope="col" class="num">Code accuracy</th>\
        <th scope="col" class="num">95% CI</th><th scope="col" class="num">Net impact</th></tr></thead>
        <tbody>
        {{#accuracy.codeTypes}}
        <tr><th scope="row">{{key}}</th><td class="num">{{encountersAudited}}</td>\
        <td class="num">{{encounterAccuracy}}</td><td class="num">{{codesReviewed}}</td>\
        <td class="num">{{codesInError}}</td><td class="num">{{codeAccuracy}}</td><td class="num">{{interval}}</td>\
        <td class="num">{{net}}</td></tr>
        {{/accuracy.codeTypes}}
        </tbody></table></div>
        {{/accuracy.hasData}}
        {{^accuracy.hasData}}
        <p class="empty">No audit findings for services in {{monthName}}. Import auditors' findings \
        (<code>codeaudit import audits FILE</code>) to fill this section; <code>codeaudit sample</code> draws the \
        encounters to audit.</p>
        {{/accuracy.hasData}}
        </section>

        """

    static let categories = """
        <section id="categories" aria-labelledby="categories-heading">
        <h2 id="categories-heading">Error categories</h2>
        {{#categories.hasData}}
        <p class="lead">{{categories.total}} findings were not agreed. {{categories.vitalFew}}</p>
        <figure class="chart-figure">
        <figcaption>Findings by category (bars) and their cumulative share (line; the dotted line is 80%)</figcaption>
        {{{categories.chart}}}
        </figure>
        <div class="table-wrap"><table>
        <caption>Findings by category</caption>
        <thead><tr><th scope="col">Category</th><th scope="col" class="num">Findings</th>\
        <th scope="col" class="num">Share</th><th scope="col" class="num">Cumulative</th>\
        <th scope="col" class="num">Net amount</th></tr></thead>
        <tbody>
        {{#categories.rows}}
        <tr><th scope="row">{{category}}</th><td class="num">{{findings}}</td><td class="num">{{share}}</td>\
        <td class="num">{{cumulative}}</td><td class="num">{{net}}</td></tr>
        {{/categories.rows}}
        </tbody></table></div>
        {{/categories.hasData}}
        {{^categories.hasData}}
        <p class="empty">No findings other than agree for services in {{monthName}}. Error categories come from the \
        category column of the audit findings file (<code>codeaudit import audits</code>).</p>
        {{/categories.hasData}}
        </section>

        """

    static let em = """
        <section id="em" aria-labelledby="em-heading">
        <h2 id="em-heading">E/M level distribution</h2>
        {{#em.hasData}}
        {{#em.hasFlags}}
        <div class="callout" role="note"><h3>Providers to review</h3><ul>
        {{#em.flags}}<li>{{.}}</li>{{/em.flags}}
        </ul><p>A flag is a pattern worth a focused audit, not a finding of error.</p></div>
        {{/em.hasFlags}}
        {{^em.hasFlags}}
        <p class="lead">No provider's level mix differs from the practice's by 15 percentage points or more on a \
        level with at least 20 visits.</p>
        {{/em.hasFlags}}
        {{#em.categories}}
        <figure class="chart-figure">
        <figcaption>{{heading}}: share of visits by level, practice first</figcaption>
        {{{chart}}}
        </figure>
        <div class="table-wrap"><table>
        <caption>{{heading}}: share of visits by level</caption>
        <thead><tr><th scope="col">Provider</th><th scope="col" class="num">Visits</th>\
        {{#levels}}<th scope="col" class="num">{{.}}</th>{{/levels}}</tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{provider}}{{#flagged}} <span class="badge">flagged</span>{{/flagged}}</th>\
        <td class="num">{{visits}}</td>{{#shares}}<td class="num">{{.}}</td>{{/shares}}</tr>
        {{/rows}}
        </tbody></table></div>
        {{/em.categories}}
        {{/em.hasData}}
        {{^em.hasData}}
        <p class="empty">No office or outpatient E/M visits (99202–99205, 99211–99215) dated in {{monthName}}.</p>
        {{/em.hasData}}
        </section>

        """

    static let productivity = """
        <section id="productivity" aria-labelledby="productivity-heading">
        <h2 id="productivity-heading">Coder productivity</h2>
        {{#productivity.hasData}}
        {{#productivity.hasChart}}
        <figure class="chart-figure">
        <figcaption>Encounters per hour against code accuracy (the dashed line is the 95% target)</figcaption>
        {{{productivity.chart}}}
        </figure>
        {{/productivity.hasChart}}
        {{^productivity.hasChart}}
        <p class="note">The speed and accuracy chart needs coder hours (<code>codeaudit import hours</code>) and \
        audits of the coders' work.</p>
        {{/productivity.hasChart}}
        <div class="table-wrap"><table>
        <caption>Coder productivity, by the month the coding was done</caption>
        <thead><tr><th scope="col">Coder</th><th scope="col" class="num">Encounters</th>\
        <th scope="col" class="num">Lines</th><th scope="col" class="num">Codes</th>\
        <th scope="col" class="num">Hours</th><th scope="col" class="num">Per hour</th>\
        <th scope="col" class="num">Median days</th><th scope="col" class="num">90th pct days</th>\
        <th scope="col" class="num">Audited</th><th scope="col" class="num">Code accuracy</th></tr></thead>
        <tbody>
        {{#productivity.rows}}
        <tr><th scope="row">{{coder}}</th><td class="num">{{encountersCoded}}</td><td class="num">{{linesCoded}}</td>\
        <td class="num">{{codesAssigned}}</td><td class="num">{{hours}}</td><td class="num">{{encountersPerHour}}</td>\
        <td class="num">{{medianTurnaround}}</td><td class="num">{{p90Turnaround}}</td>\
        <td class="num">{{encountersAudited}}</td><td class="num">{{codeAccuracy}}</td></tr>
        {{/productivity.rows}}
        </tbody></table></div>
        {{/productivity.hasData}}
        {{^productivity.hasData}}
        <p class="empty">No encounters were coded in {{monthName}}. Productivity needs the coder and coded-at \
        columns of the encounter export, and hours from <code>codeaudit import hours</code>.</p>
        {{/productivity.hasData}}
        </section>

        """
}
