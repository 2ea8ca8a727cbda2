@testable import BriefsCheck
import Foundation
import NIOConcurrencyHelpers
import Testing

@Suite("Host gate: concurrency limits and intervals")
struct HostGateTests {
    /// What the gate let happen: start times and the most requests in flight, per host and overall.
    final class Recorder: Sendable {
        struct State {
            var starts: [String: [ContinuousClock.Instant]] = [:]
            var scheduled: [String: [ContinuousClock.Instant]] = [:]
            var inFlight: [String: Int] = [:]
            var maxInFlight: [String: Int] = [:]
            var total = 0
            var maxTotal = 0
        }

        let state = NIOLockedValueBox(State())

        func begin(_ host: String, scheduled: ContinuousClock.Instant) {
            state.withLockedValue { state in
                state.starts[host, default: []].append(.now)
                state.scheduled[host, default: []].append(scheduled)
                state.inFlight[host, default: 0] += 1
                state.maxInFlight[host] = max(state.maxInFlight[host, default: 0], state.inFlight[host, default: 0])
                state.total += 1
                state.maxTotal = max(state.maxTotal, state.total)
            }
        }

        func end(_ host: String) {
            state.withLockedValue { state in
                state.inFlight[host, default: 0] -= 1
                state.total -= 1
            }
        }
    }

    func run(_ gate: HostGate, hosts: [String], perHost count: Int, work: Duration) async -> Recorder.State {
        let recorder = Recorder()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<(hosts.count * count) {
                let host = hosts[index % hosts.count]
                group.addTask {
                    await gate.withSlot(for: host) { scheduled in
                        recorder.begin(host, scheduled: scheduled)
                        try? await Task.sleep(for: work)
                        recorder.end(host)
                    }
                }
            }
        }
        return recorder.state.withLockedValue { $0 }
    }

    @Test("Starts to one host are at least the interval apart")
    func interval() async throws {
        let gate = HostGate(total: 16, perHost: 2, interval: .milliseconds(80))
        let state = await run(gate, hosts: ["a"], perHost: 5, work: .milliseconds(5))
        let scheduled = state.scheduled["a", default: []].sorted()
        try #require(scheduled.count == 5)
        for (earlier, later) in zip(scheduled, scheduled.dropFirst()) {
            #expect(earlier.duration(to: later) >= .milliseconds(80))
        }
        // A task may wake a little late when other tests keep the threads busy, never early.
        let starts = state.starts["a", default: []].sorted()
        #expect(zip(scheduled, starts).allSatisfy { $0 <= $1 })
    }

    @Test("Never more than the per-host and total limits in flight, and other hosts are not held up")
    func limits() async {
        let gate = HostGate(total: 5, perHost: 2, interval: .zero)
        let state = await run(gate, hosts: ["a", "b", "c", "d"], perHost: 6, work: .milliseconds(40))
        #expect(state.maxInFlight.values.allSatisfy { $0 <= 2 })
        // All five slots were in use at once: the hosts' queues did not block each other (with
        // head-of-line blocking behind host "a", at most its 2 would have run).
        #expect(state.maxTotal == 5)
        #expect(state.starts.values.map(\.count) == [6, 6, 6, 6])
    }

    @Test("A Retry-After pause holds back the next request to that host only")
    func pause() async {
        let gate = HostGate(total: 4, perHost: 1, interval: .zero)
        let start = ContinuousClock.now
        await gate.pause("slow", for: .milliseconds(300))
        let fast = await gate.withSlot(for: "fast") { $0 }
        let slow = await gate.withSlot(for: "slow") { $0 }
        #expect(start.duration(to: fast) < .milliseconds(150))
        #expect(start.duration(to: slow) >= .milliseconds(300))
    }
}
