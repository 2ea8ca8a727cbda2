import BriefsBuild
import BriefsCore
@testable import BriefsPreview
import Foundation
import Hummingbird
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A minimal Server-Sent Events reader over a plain loopback socket (the test client of
/// Hummingbird waits for whole responses, and an event stream never ends).
final class EventStreamReader: @unchecked Sendable {
    private let socket: Int32

    /// A whole response to `GET path`, read until the server closes the connection.
    static func get(port: Int, path: String) async throws -> String {
        let reader = try EventStreamReader(port: port, path: path, close: true)
        return await reader.read(until: "\u{0}never", seconds: 5)
    }

    init(port: Int, path: String, close: Bool = false) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (close ? "Connection: close\r\n\r\n" : "Accept: text/event-stream\r\n\r\n")
        _ = request.withCString { send(socket, $0, strlen($0), 0) }
    }

    /// Reads until `text` arrives or `seconds` pass; returns everything read. The waiting runs
    /// on a thread of its own: on the tasks' few shared threads it could keep the server under
    /// test from answering while other tests run too.
    func read(until text: String, seconds: Double) async -> String {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.waitFor(text, seconds: seconds)) }
        }
    }

    private func waitFor(_ text: String, seconds: Double) -> String {
        var received = ""
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline, !received.contains(text) {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return received
    }

    deinit { close(socket) }
}

@Suite("Live preview", .serialized)
struct LivePreviewTests {
    /// Runs the preview (server on 127.0.0.1 port 0, watcher, rebuilder) around `body`.
    func withPreview(_ body: @escaping @Sendable (Int, PreviewSite, PreviewState) async throws -> Void) async throws {
        let site = try PreviewSite()
        defer { site.remove() }
        let state = PreviewState(outputFolder: site.root.appendingPathComponent(".briefpress/preview"))
        let rebuilder = site.rebuilder(state)
        await rebuilder.rebuild()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical  // stopping the server at the end of a test is not an error
        let app = PreviewServer.application(state: state, host: "127.0.0.1", port: 0, logger: quiet) { port in
            portContinuation.yield(port)
        }
        let watcher = FileWatcher(folders: [site.root.appendingPathComponent("content")], interval: .milliseconds(50))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask { await watcher.run { await rebuilder.rebuild() } }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port, site, state)
            group.cancelAll()
        }
    }

    static func page(_ port: Int, _ path: String) async throws -> String {
        try await EventStreamReader.get(port: port, path: path)
    }

    @Test("saving a brief rebuilds it and sends the reload event afterwards")
    func reloadAfterEdit() async throws {
        try await withPreview { port, site, state in
            let events = try EventStreamReader(port: port, path: "/_briefpress/events")
            #expect(await events.read(until: "event: hello", seconds: 5).contains("event: hello"))
            try site.edit { $0.replacingOccurrences(of: "title: Integrationschampions", with: "title: Integrationshelden") }
            let received = await events.read(until: "event: reload", seconds: 10)
            #expect(received.contains("event: reload"))
            // The reload is sent only after the rebuild finished: the page is already new.
            #expect(try await Self.page(port, "/briefs/integrationschampions/").contains("<h1>Integrationshelden</h1>"))
            #expect(await state.generation >= 2)
        }
    }

    @Test("breaking a brief shows the error overlay; fixing it removes the overlay")
    func errorOverlay() async throws {
        try await withPreview { port, site, _ in
            let events = try EventStreamReader(port: port, path: "/_briefpress/events")
            _ = await events.read(until: "event: hello", seconds: 5)
            try site.edit { $0.replacingOccurrences(of: "date: 2025-06", with: "date: 2025-13") }
            #expect(await events.read(until: "event: reload", seconds: 10).contains("event: reload"))
            let broken = try await Self.page(port, "/briefs/integrationschampions/")
            #expect(broken.contains("id=\"briefpress-overlay\""))
            #expect(broken.contains("integrationschampions.md:5:7"))
            try site.edit { $0.replacingOccurrences(of: "date: 2025-13", with: "date: 2025-06") }
            #expect(await events.read(until: "event: reload", seconds: 10).contains("event: reload"))
            #expect(try await !Self.page(port, "/briefs/integrationschampions/").contains("briefpress-overlay"))
        }
    }
}
