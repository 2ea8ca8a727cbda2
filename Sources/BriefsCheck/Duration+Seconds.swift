extension Duration {
    /// The duration in seconds as a `Double`, for messages, `Date` arithmetic and NIO time amounts.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) / 1e18
    }
}
