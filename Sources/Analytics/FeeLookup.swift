/// The fee-schedule look-up of SPEC 3.3 as SQL, for the metrics that price a
/// line or a finding: the rate whose effective range holds the service date,
/// for the encounter's payer before `*`, and a matching modifier (in the
/// line's order) before a blank one.
enum FeeLookup {
    /// The rate in cents per unit for an `encounter_line l` of `encounter e`,
    /// or NULL when there is none.
    ///
    /// SQLite cannot name a column of the outer query (`l.modifier_1`) in a
    /// subquery's ORDER BY, so the ranks are columns of an inner select.
    static let lineRate = """
        (SELECT amount_cents FROM (
            SELECT r.amount_cents, r.payer = '*' AS any_payer, r.modifier = '' AS any_modifier,
                   CASE r.modifier WHEN l.modifier_1 THEN 1 WHEN l.modifier_2 THEN 2 WHEN l.modifier_3 THEN 3 ELSE 4 END
                       AS modifier_position
            FROM fee_rate r
            WHERE r.procedure_code = l.procedure_code
              AND r.payer IN (e.payer, '*')
              AND (r.modifier = '' OR r.modifier IN (l.modifier_1, l.modifier_2, l.modifier_3, l.modifier_4))
              AND r.effective_from <= e.service_date
              AND (r.effective_to IS NULL OR r.effective_to >= e.service_date))
         ORDER BY any_payer, any_modifier, modifier_position
         LIMIT 1)
        """

    /// The rate in cents per unit of `code` (an SQL expression) for `encounter e`
    /// with a blank modifier — a finding carries no modifier — or NULL.
    static func findingRate(code: String) -> String {
        """
        (SELECT r.amount_cents FROM fee_rate r
         WHERE r.procedure_code = \(code)
           AND r.payer IN (e.payer, '*')
           AND r.modifier = ''
           AND r.effective_from <= e.service_date
           AND (r.effective_to IS NULL OR r.effective_to >= e.service_date)
         ORDER BY r.payer = '*'
         LIMIT 1)
        """
    }
}
