extension BuiltInTemplates {
    static let reimbursement = """
        <section id="reimbursement" aria-labelledby="reimbursement-heading">
        <h2 id="reimbursement-heading">Reimbursement variance</h2>
        {{#reimbursement.hasData}}
        {{#reimbursement.hasComparable}}
        <figure class="chart-figure">
        <figcaption>Allowed minus expected at contract rates, by payer (bars left of zero: underpaid)</figcaption>
        {{{reimbursement.chart}}}
        </figure>
        {{/reimbursement.hasComparable}}
        <div class="table-wrap"><table>
        <caption>Variance by payer (lines with a contract rate and an allowed amount)</caption>
        <thead><tr><th scope="col">Payer</th><th scope="col" class="num">Lines</th>\
        <th scope="col" class="num">Expected</th><th scope="col" class="num">Allowed</th>\
        <th scope="col" class="num">Paid</th><th scope="col" class="num">Variance</th>\
        <th scope="col" class="num">Variance rate</th><th scope="col" class="num">Underpaid lines</th>\
        <th scope="col" class="num">Underpaid</th><th scope="col" class="num">Overpaid lines</th></tr></thead>
        <tbody>
        {{#reimbursement.payers}}
        <tr><th scope="row">{{payer}}</th><td class="num">{{lines}}</td><td class="num">{{expected}}</td>\
        <td class="num">{{allowed}}</td><td class="num">{{paid}}</td><td class="num">{{variance}}</td>\
        <td class="num">{{varianceRate}}</td><td class="num">{{underpaidLines}}</td><td class="num">{{underpaid}}</td>\
        <td class="num">{{overpaidLines}}</td></tr>
        {{/reimbursement.payers}}
        </tbody></table></div>
        <h3>Most underpaid payer and code pairs</h3>
        {{#reimbursement.hasPairs}}
        <div class="table-wrap"><table>
        <caption>The payer and code pairs with the largest underpaid amounts (a line is underpaid when allowed is \
        more than {{reimbursement.tolerance}} below expected)</caption>
        <thead><tr><th scope="col">Payer</th><th scope="col">Code</th><th scope="col" class="num">Lines</th>\
        <th scope="col" class="num">Underpaid lines</th><th scope="col" class="num">Underpaid</th>\
        <th scope="col" class="num">Expected</th><th scope="col" class="num">Allowed</th>\
        <th scope="col" class="num">Variance rate</th></tr></thead>
        <tbody>
        {{#reimbursement.pairs}}
        <tr><th scope="row">{{payer}}</th><td class="code">{{code}}</td><td class="num">{{lines}}</td>\
        <td class="num">{{underpaidLines}}</td><td class="num">{{underpaid}}</td><td class="num">{{expected}}</td>\
        <td class="num">{{allowed}}</td><td class="num">{{varianceRate}}</td></tr>
        {{/reimbursement.pairs}}
        </tbody></table></div>
        {{/reimbursement.hasPairs}}
        {{^reimbursement.hasPairs}}
        <p class="note">No line was allowed more than {{reimbursement.tolerance}} below its contract rate.</p>
        {{/reimbursement.hasPairs}}
        {{^reimbursement.hasComparable}}
        <p class="note">No line has both a contract rate and an allowed amount: import the fee schedule \
        (<code>codeaudit import fees</code>) and the payers' allowed amounts to compare them.</p>
        {{/reimbursement.hasComparable}}
        {{/reimbursement.hasData}}
        {{^reimbursement.hasData}}
        <p class="empty">No service lines dated in {{monthName}}. Import the month's encounter export \
        (<code>codeaudit import encounters</code>) and the fee schedule (<code>codeaudit import fees</code>).</p>
        {{/reimbursement.hasData}}
        </section>

        """

    static let quality = """
        <section id="quality" aria-labelledby="quality-heading">
        <h2 id="quality-heading">Data quality</h2>
        <p class="lead">{{quality.summary}}</p>
        {{#quality.hasFiles}}
        <div class="table-wrap"><table>
        <caption>Files that supplied this month's data, with all of each file's rejected rows by the column at fault \
        (the rows themselves are in the file's .rejects.csv)</caption>
        <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">SHA-256</th>\
        <th scope="col" class="num">Rows read</th><th scope="col" class="num">Loaded</th>\
        <th scope="col" class="num">Rejected</th><th scope="col">Rejected for</th></tr></thead>
        <tbody>
        {{#quality.files}}
        <tr><th scope="row">{{file}}</th><td>{{kind}}</td><td class="code">{{sha256}}</td>\
        <td class="num">{{rowsRead}}</td><td class="num">{{rowsLoaded}}</td><td class="num">{{rowsRejected}}</td>\
        <td>{{reasons}}</td></tr>
        {{/quality.files}}
        </tbody></table></div>
        {{/quality.hasFiles}}
        {{^quality.hasFiles}}
        <p class="empty">No imported file holds data for {{monthName}}.</p>
        {{/quality.hasFiles}}
        {{#quality.hasPayerGaps}}
        <div class="table-wrap"><table>
        <caption>Lines left out of the reimbursement comparison, by payer</caption>
        <thead><tr><th scope="col">Payer</th><th scope="col" class="num">Lines</th>\
        <th scope="col" class="num">No contract rate</th><th scope="col" class="num">Pending</th></tr></thead>
        <tbody>
        {{#quality.payers}}
        <tr><th scope="row">{{payer}}</th><td class="num">{{lines}}</td><td class="num">{{noRate}}</td>\
        <td class="num">{{pending}}</td></tr>
        {{/quality.payers}}
        </tbody></table></div>
        {{/quality.hasPayerGaps}}
        {{#quality.hasUnmatched}}
        <h3>Unmatched remittances</h3>
        <p>{{quality.unmatchedSummary}}</p>
        <div class="table-wrap"><table>
        <caption>Remitted claims that match no encounter, by the payer their 835 names</caption>
        <thead><tr><th scope="col">Payer (as the 835 names it)</th><th scope="col" class="num">Claims</th></tr></thead>
        <tbody>
        {{#quality.unmatched}}
        <tr><th scope="row">{{payer}}</th><td class="num">{{claims}}</td></tr>
        {{/quality.unmatched}}
        </tbody></table></div>
        {{/quality.hasUnmatched}}
        {{#quality.allClaimsMatched}}
        <p class="note">Every claim in the payers' 835 files for services in {{monthName}} matched an encounter.</p>
        {{/quality.allClaimsMatched}}
        </section>

        """
}
