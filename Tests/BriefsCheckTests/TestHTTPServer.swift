import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A scripted HTTP/1.1 server on a loopback address and a free port, for the link checker's
/// tests and benchmark: routes decide each answer (with an optional delay, or none at all), and
/// the server counts what it received and how many requests were in flight at once.
final class TestHTTPServer: Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        /// How many requests for this path (any method) came before this one.
        var previousCount: Int
    }

    enum Action: Sendable {
        case reply(status: Int, headers: [String: String] = [:], body: String = "", delay: Duration? = nil)
        /// Reads the request and never answers: a hanging server.
        case neverAnswer
    }

    struct Statistics: Sendable {
        var requests: [String: Int] = [:]
        var methods: [String] = []
        var times: [String: [ContinuousClock.Instant]] = [:]
        var inFlight = 0
        var maxInFlight = 0
        var total = 0
    }

    let port: Int
    let host: String
    private let channel: any Channel
    private let statistics: NIOLockedValueBox<Statistics>

    var baseURL: String { "http://\(host):\(port)" }

    private init(channel: any Channel, host: String, port: Int, statistics: NIOLockedValueBox<Statistics>) {
        self.channel = channel
        self.host = host
        self.port = port
        self.statistics = statistics
    }

    /// Starts a server on `host` (any 127.x address) and a port the system chooses.
    static func start(host: String = "127.0.0.1", route: @escaping @Sendable (Request) -> Action) async throws -> TestHTTPServer {
        let statistics = NIOLockedValueBox(Statistics())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 512)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(route: route, statistics: statistics))
                }
            }
            .bind(host: host, port: 0).get()
        let port = channel.localAddress?.port ?? 0
        return TestHTTPServer(channel: channel, host: host, port: port, statistics: statistics)
    }

    func shutdown() async {
        try? await channel.close()
    }

    /// Tests need no cleanup code: the listening socket closes when the last reference goes.
    deinit {
        channel.close(promise: nil)
    }

    var stats: Statistics { statistics.withLockedValue { $0 } }

    func count(_ path: String) -> Int { stats.requests[path, default: 0] }

    /// A loopback port where nothing listens: bound once, then closed.
    static func closedPort() async throws -> Int {
        let server = try await start { _ in .reply(status: 200) }
        await server.shutdown()
        return server.port
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let route: @Sendable (Request) -> Action
        let statistics: NIOLockedValueBox<Statistics>
        var head: HTTPRequestHead?

        init(route: @escaping @Sendable (Request) -> Action, statistics: NIOLockedValueBox<Statistics>) {
            self.route = route
            self.statistics = statistics
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head): self.head = head
            case .body: break
            case .end:
                guard let head else { return }
                let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
                let previous = statistics.withLockedValue { stats in
                    let previous = stats.requests[path, default: 0]
                    stats.requests[path, default: 0] += 1
                    stats.methods.append("\(head.method.rawValue) \(path)")
                    stats.times[path, default: []].append(.now)
                    stats.total += 1
                    return previous
                }
                let action = route(Request(method: head.method.rawValue, path: path, previousCount: previous))
                guard case .reply(let status, let headers, let body, let delay) = action else { return }
                statistics.withLockedValue { stats in
                    stats.inFlight += 1
                    stats.maxInFlight = max(stats.maxInFlight, stats.inFlight)
                }
                let respond = { [statistics] in
                    // Counted out before the answer leaves: once it is on the wire the client may
                    // start its next request (on another event loop thread) before this line would
                    // run, and the count would briefly show one request too many in flight.
                    statistics.withLockedValue { $0.inFlight -= 1 }
                    var fields = HTTPHeaders(headers.map { ($0.key, $0.value) })
                    fields.replaceOrAdd(name: "Content-Length", value: String(body.utf8.count))
                    if fields["Content-Type"].isEmpty { fields.add(name: "Content-Type", value: "text/html; charset=utf-8") }
                    context.write(self.wrapOutboundOut(.head(HTTPResponseHead(
                        version: head.version, status: HTTPResponseStatus(statusCode: status), headers: fields))), promise: nil)
                    if head.method != .HEAD, !body.isEmpty {
                        context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                    }
                    context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
                }
                if let delay {
                    context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(delay.components.seconds) * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000)) { respond() }
                } else {
                    respond()
                }
            }
        }
    }
}
