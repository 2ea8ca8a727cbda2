import BriefsCore
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The preview web server: the built site, the live-reload script and its event stream. Only
/// GET and HEAD; nothing outside the preview folder is ever served.
public enum PreviewServer {
    /// The router, separate from the application so tests can drive it without a socket.
    public static func router(state: PreviewState) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
            let events = await state.subscribe()
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                // An event stream never ends by itself: end it when the server shuts down (Ctrl-C),
                // or the graceful shutdown would wait for every open page.
                try await withGracefulShutdownHandler {
                    for await event in events {
                        let parts = event.split(separator: " ", maxSplits: 1)
                        let name = parts.first.map(String.init) ?? "message"
                        let data = parts.count > 1 ? String(parts[1]) : ""
                        try await writer.write(ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n"))
                    }
                } onGracefulShutdown: {
                    Task { await state.closeAllStreams() }
                }
                try await writer.finish(nil)
            })
        }
        router.get(RouterPath(LiveReload.scriptPath)) { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get("**") { request, _ -> Response in await serve(request.uri.path, state: state, head: false) }
        router.head("**") { request, _ -> Response in await serve(request.uri.path, state: state, head: true) }
        router.get("/") { _, _ -> Response in await serve("/", state: state, head: false) }
        router.head("/") { _, _ -> Response in await serve("/", state: state, head: true) }
        for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
            for path in ["/", "**"] {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
                }
            }
        }
        return router
    }

    static func serve(_ path: String, state: PreviewState, head: Bool) async -> Response {
        let root = state.outputFolder
        if SafePath.needsSlash(path, in: root) {
            return Response(status: .movedPermanently, headers: [.location: path + "/"])
        }
        let problems = await state.problems
        let sources = await state.sources
        if path.hasSuffix(".pdf"), SafePath.resolve(path, in: root) == nil {
            do {
                _ = try await state.makePDF(at: String(path.drop { $0 == "/" }))
            } catch {
                let message = "The PDF could not be made: \(error)"
                return response(.internalServerError, type: "text/plain; charset=utf-8", body: Data(message.utf8), head: head)
            }
        }
        guard let file = SafePath.resolve(path, in: root), let data = FileManager.default.contents(atPath: file.path) else {
            let notFound = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path)
                .map { LiveReload.inject(into: String(decoding: $0, as: UTF8.self), problems: problems, sources: sources) }
                ?? "Not found"
            return response(.notFound, type: "text/html; charset=utf-8", body: Data(notFound.utf8), head: head)
        }
        let type = SafePath.contentType(for: file)
        if file.pathExtension == "html" {
            let html = LiveReload.inject(into: String(decoding: data, as: UTF8.self), problems: problems, sources: sources)
            return response(.ok, type: type, body: Data(html.utf8), head: head)
        }
        return response(.ok, type: type, body: data, head: head)
    }

    static func response(_ status: HTTPResponse.Status, type: String, body: Data, head: Bool) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers,
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The application: bound to `host` (127.0.0.1 unless asked), calling `onRunning` with the
    /// actual port once it listens (port 0 picks a free one).
    public static func application(
        state: PreviewState, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(state: state),
            configuration: .init(address: .hostname(host, port: port), serverName: "briefpress"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
