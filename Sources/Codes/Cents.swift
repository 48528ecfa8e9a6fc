/// Money as the product writes it: integer cents shown with 2 decimals.
public enum Cents {
    /// `1234.50`, `-12.05`, `0.00`: the one spelling of an amount in exports,
    /// rejects files and messages (the report adds `$` and thousands separators).
    public static func text(_ cents: Int64) -> String {
        let fraction = cents.magnitude % 100
        return (cents < 0 ? "-" : "") + "\(cents.magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
