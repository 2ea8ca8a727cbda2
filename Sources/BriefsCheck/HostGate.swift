/// Decides when a request may start: at most `total` in flight overall, `perHost` to one host,
/// and starts to one host at least `interval` apart (longer when the host said `Retry-After`).
///
/// An actor because every request task shares these counters; waiting requests are resumed in
/// the order they asked, skipping those whose host is still full, so one busy host never holds
/// up the others.
actor HostGate {
    private let total: Int
    private let perHost: Int
    private let interval: Duration
    private let clock = ContinuousClock()
    private var inFlight: [String: Int] = [:]
    private var totalInFlight = 0
    private var nextStart: [String: ContinuousClock.Instant] = [:]
    private var waiters: [(host: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int, interval: Duration) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
        self.interval = interval
    }

    /// Runs `body` holding a slot for `host`, after waiting for the host's interval. `body` gets
    /// the start the gate scheduled (it may run a little later on a busy machine, never earlier).
    func withSlot<T: Sendable>(for host: String, _ body: @Sendable (ContinuousClock.Instant) async -> T) async -> T {
        await acquire(host)
        let start = reserveStart(for: host)
        try? await clock.sleep(until: start)
        let result = await body(start)
        release(host)
        return result
    }

    /// Makes the next request to `host` wait at least until `now + delay` (for `Retry-After`).
    func pause(_ host: String, for delay: Duration) {
        let until = clock.now.advanced(by: delay)
        nextStart[host] = max(nextStart[host] ?? until, until)
    }

    private func canStart(_ host: String) -> Bool {
        totalInFlight < total && inFlight[host, default: 0] < perHost
    }

    private func acquire(_ host: String) async {
        if canStart(host) {
            take(host)
            return
        }
        // `release` takes the slot on our behalf before resuming us, so no one can overtake.
        await withCheckedContinuation { continuation in waiters.append((host, continuation)) }
    }

    private func take(_ host: String) {
        inFlight[host, default: 0] += 1
        totalInFlight += 1
    }

    private func reserveStart(for host: String) -> ContinuousClock.Instant {
        let start = max(clock.now, nextStart[host] ?? clock.now)
        nextStart[host] = start.advanced(by: interval)
        return start
    }

    private func release(_ host: String) {
        inFlight[host, default: 1] -= 1
        totalInFlight -= 1
        var index = 0
        while index < waiters.count, totalInFlight < total {
            let waiter = waiters[index]
            if canStart(waiter.host) {
                take(waiter.host)
                waiters.remove(at: index)
                waiter.continuation.resume()
            } else {
                index += 1
            }
        }
    }
}
