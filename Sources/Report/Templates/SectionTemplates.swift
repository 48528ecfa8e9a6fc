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

    /// Automated edits (SPEC 8), after reimbursement variance and before payments and denials.
    static let edits = """
        <section id="edits" aria-labelledby="edits-heading">
        <h2 id="edits-heading">Automated edits</h2>
        {{#edits.hasData}}
        <p class="lead">{{edits.summary}} Unlike audits, which see a sample, the edits check every encounter; a \
        flag marks coding to review, not a finding of error.</p>
        {{/edits.hasData}}
        {{#edits.hasMissing}}
        <div class="callout" role="note">
        {{#edits.missing}}<p>{{sentence}} <code>{{command}}</code></p>{{/edits.missing}}
        <p>{{edits.stillRun}}</p>
        </div>
        {{/edits.hasMissing}}
        {{#edits.hasData}}
        <h3>Flagged against unflagged</h3>
        <p>{{edits.comparison}}{{#edits.hasFewAudits}} {{edits.fewAudits}}{{/edits.hasFewAudits}}</p>
        {{#edits.suggestRiskSample}}
        <p class="note">A risk-based sample (<code>codeaudit sample --per risk</code>) draws as many flagged \
        encounters as unflagged ones for the auditors, so the two error rates can be compared.</p>
        {{/edits.suggestRiskSample}}
        <h3>Flag rate by coder and by provider</h3>
        {{#edits.groups}}
        <figure class="chart-figure">
        <figcaption>Share of encounters flagged {{heading}}, with 95% confidence intervals; the dashed line is the \
        practice's rate (a darker bar: even the low end of its interval is above it)</figcaption>
        {{{chart}}}
        </figure>
        {{#hasRows}}
        <div class="table-wrap"><table>
        <caption>Edits {{heading}} (in error: audited encounters with an error, of those audited)</caption>
        <thead><tr><th scope="col">{{dimension}}</th><th scope="col" class="num">Encounters</th>\
        <th scope="col" class="num">Flagged</th><th scope="col" class="num">Flag rate</th>\
        <th scope="col" class="num">95% CI</th><th scope="col" class="num">Flags</th>\
        <th scope="col" class="num">At risk</th><th scope="col" class="num">Flagged in error</th>\
        <th scope="col" class="num">Others in error</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{group}}{{#smallSample}} <span class="badge">small sample</span>{{/smallSample}}</th>\
        <td class="num">{{encounters}}</td><td class="num">{{flagged}}</td><td class="num">{{flagRate}}</td>\
        <td class="num">{{interval}}</td><td class="num">{{flags}}</td><td class="num">{{atRisk}}</td>\
        <td class="num">{{flaggedErrors}}</td><td class="num">{{otherErrors}}</td></tr>
        {{/rows}}
        </tbody></table></div>
        {{/hasRows}}
        {{/edits.groups}}
        <h3>Most frequent edits</h3>
        {{#edits.hasKinds}}
        <div class="table-wrap"><table>
        <caption>Flags by edit, most first (the edit column of edits.csv names them by their id; at risk: the \
        expected payment of the flags that carry an amount)</caption>
        <thead><tr><th scope="col">Edit</th><th scope="col">Id</th><th scope="col" class="num">Flags</th>\
        <th scope="col" class="num">Share of flags</th><th scope="col" class="num">At risk</th></tr></thead>
        <tbody>
        {{#edits.kinds}}
        <tr><th scope="row">{{edit}}</th><td class="code">{{id}}</td><td class="num">{{flags}}</td>\
        <td class="num">{{share}}</td><td class="num">{{atRisk}}</td></tr>
        {{/edits.kinds}}
        </tbody></table></div>
        {{/edits.hasKinds}}
        {{^edits.hasKinds}}
        <p class="note">No edit flagged an encounter of {{monthName}}.</p>
        {{/edits.hasKinds}}
        {{#edits.ptpImported}}
        <h3>Most frequent procedure pairs</h3>
        {{#edits.hasPairs}}
        <div class="table-wrap"><table>
        <caption>The PTP pairs flagged most often (up to ten): column 2's code is the one the edit does not pay \
        beside column 1's, and its expected amount is what is at risk</caption>
        <thead><tr><th scope="col">Column 1</th><th scope="col">Column 2</th><th scope="col" class="num">Flags</th>\
        <th scope="col" class="num">At risk</th></tr></thead>
        <tbody>
        {{#edits.pairs}}
        <tr><td class="code">{{column1}}</td><td class="code">{{column2}}</td><td class="num">{{flags}}</td>\
        <td class="num">{{atRisk}}</td></tr>
        {{/edits.pairs}}
        </tbody></table></div>
        {{/edits.hasPairs}}
        {{^edits.hasPairs}}
        <p class="note">No pair of procedures billed together was flagged.</p>
        {{/edits.hasPairs}}
        {{/edits.ptpImported}}
        {{/edits.hasData}}
        {{^edits.hasData}}
        <p class="empty">No encounters dated in {{monthName}}: the edits run over the month's encounters once they \
        are imported (<code>codeaudit import encounters</code>).</p>
        {{/edits.hasData}}
        </section>

        """
}
