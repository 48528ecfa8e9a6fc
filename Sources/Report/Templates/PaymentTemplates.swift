extension BuiltInTemplates {
    /// Payments and denials (SPEC 9), after the automated edits and before data quality.
    static let payments = """
        <section id="payments" aria-labelledby="payments-heading">
        <h2 id="payments-heading">Payments and denials</h2>
        {{#payments.hasData}}
        <p class="lead">{{payments.summary}}</p>
        <figure class="chart-figure">
        <figcaption>Denial rate by payer: denied lines as a share of the lines the payer has remitted</figcaption>
        {{{payments.denialChart}}}
        </figure>
        <div class="table-wrap"><table>
        <caption>Payments and denials by payer (remitted: lines with a matched remittance; days from the date of \
        service to the payer's answer)</caption>
        <thead><tr><th scope="col">Payer</th><th scope="col" class="num">Lines</th>\
        <th scope="col" class="num">Remitted</th><th scope="col" class="num">Paid</th>\
        <th scope="col" class="num">Denied lines</th><th scope="col" class="num">Denial rate</th>\
        <th scope="col" class="num">Denied charge</th><th scope="col" class="num">Median days</th>\
        <th scope="col" class="num">90th pct days</th></tr></thead>
        <tbody>
        {{#payments.payers}}
        <tr><th scope="row">{{payer}}</th><td class="num">{{lines}}</td><td class="num">{{remitted}}</td>\
        <td class="num">{{paid}}</td><td class="num">{{deniedLines}}</td>\
        <td class="num{{#noRemittance}} muted{{/noRemittance}}">{{denialRate}}</td>\
        <td class="num">{{deniedCharge}}</td><td class="num">{{medianDays}}</td><td class="num">{{p90Days}}</td></tr>
        {{/payments.payers}}
        </tbody>
        <tfoot>
        {{#payments.totals}}
        <tr><th scope="row">{{payer}}</th><td class="num">{{lines}}</td><td class="num">{{remitted}}</td>\
        <td class="num">{{paid}}</td><td class="num">{{deniedLines}}</td><td class="num">{{denialRate}}</td>\
        <td class="num">{{deniedCharge}}</td><td class="num">{{medianDays}}</td><td class="num">{{p90Days}}</td></tr>
        {{/payments.totals}}
        </tfoot></table></div>
        <h3>Top denial reasons by payer</h3>
        {{#payments.hasReasons}}
        <div class="table-wrap"><table>
        <caption>Each payer's denial reasons with the most denied charge (up to three): the group code says who \
        bears the amount, the reason code why</caption>
        <thead><tr><th scope="col">Payer</th><th scope="col">Reason</th><th scope="col">Group</th>\
        <th scope="col">Meaning</th><th scope="col" class="num">Denied lines</th>\
        <th scope="col" class="num">Encounters</th><th scope="col" class="num">Denied charge</th>\
        <th scope="col" class="num">Share of payer's denials</th></tr></thead>
        <tbody>
        {{#payments.reasons}}
        <tr><th scope="row">{{payer}}</th><td class="code">{{reason}}</td><td>{{groupWords}}</td>\
        <td>{{reasonWords}}</td><td class="num">{{deniedLines}}</td><td class="num">{{deniedClaims}}</td>\
        <td class="num">{{deniedCharge}}</td><td class="num">{{share}}</td></tr>
        {{/payments.reasons}}
        </tbody></table></div>
        {{/payments.hasReasons}}
        {{^payments.hasReasons}}
        <p class="note">No remitted line was denied.</p>
        {{/payments.hasReasons}}
        {{#payments.hasDays}}
        <h3>Days to payment by payer</h3>
        <figure class="chart-figure">
        <figcaption>Days from the date of service to the payer's answer: the dot is the median, the line runs on to \
        the 90th percentile (the same figures are in the table above)</figcaption>
        {{{payments.daysChart}}}
        </figure>
        {{/payments.hasDays}}
        {{#payments.hasExpected}}
        <h3>Remitted against expected</h3>
        <ul class="sentences">
        {{#payments.expected}}<li>{{.}}</li>{{/payments.expected}}
        </ul>
        <p class="note">Over lines with a contract rate and an allowed amount: the payer's allowed amount from its \
        835 where the line was remitted, from the encounter export otherwise (the reimbursement variance section \
        has the detail).</p>
        {{/payments.hasExpected}}
        {{/payments.hasData}}
        {{^payments.hasData}}
        <p class="empty">No remittances for this month: import the payers' 835 files with \
        <code>codeaudit import remittances FILE...</code>.</p>
        {{/payments.hasData}}
        </section>

        """
}
