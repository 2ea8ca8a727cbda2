import Foundation

/// One long-lived Python process with WeasyPrint loaded, fed one request at a time over a pipe.
/// An actor, because its process and pipes are shared state that one request at a time may use.
actor PDFWorker {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var lines: AsyncStream<String>.Iterator
    private let timeout: Duration
    let logFile: URL

    /// Starts the process and waits for its "ready" line (WeasyPrint imported).
    init(settings: PDFSettings, index: Int) async throws {
        timeout = settings.timeout
        logFile = settings.cacheFolder.appendingPathComponent("worker-\(index).log")
        process.executableURL = settings.python
        process.arguments = ["-u", "-c", PDFWorkerScript.source]
        process.standardInput = input
        process.standardOutput = output
        // Without a log file WeasyPrint's messages go nowhere; the worker runs either way.
        let hasLog = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process.standardError = hasLog ? (try? FileHandle(forWritingTo: logFile)) ?? FileHandle.nullDevice : FileHandle.nullDevice
        lines = Self.lines(from: output.fileHandleForReading).makeAsyncIterator()
        do {
            try process.run()
        } catch {
            throw PDFError(description: "could not start \(settings.python.path) (\(error.localizedDescription)); run '\(settings.installHint)' to install WeasyPrint, or build with --no-pdf")
        }
        let first = await nextLine().flatMap(Self.decode)
        guard first?["ready"] as? Bool == true else {
            let reason = first?["error"] as? String
            stop()
            throw PDFError(description: "WeasyPrint is not installed for \(settings.python.path)\(reason.map { " (\($0))" } ?? ""); run '\(settings.installHint)' to install it, or build with --no-pdf")
        }
    }

    /// Renders `html` into `output`; returns the seconds WeasyPrint took.
    func render(html: String, baseURL: URL, output: URL, identifier: String) async throws -> Double {
        let request: [String: String] = [
            "html": html, "base_url": baseURL.path + "/", "output": output.path, "id": String(identifier.prefix(32)),
        ]
        guard process.isRunning, let data = try? JSONSerialization.data(withJSONObject: request) else {
            throw PDFError(description: "the PDF worker stopped (see \(logFile.path))")
        }
        input.fileHandleForWriting.write(data + Data("\n".utf8))
        let answer = try await withTimeout { await self.nextLine() }
        guard let line = answer, let object = Self.decode(line) else {
            throw PDFError(description: "WeasyPrint stopped unexpectedly (see \(logFile.path))")
        }
        guard object["ok"] as? Bool == true else {
            throw PDFError(description: object["error"] as? String ?? "WeasyPrint failed")
        }
        return object["seconds"] as? Double ?? 0
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
    }

    /// The iterator is a handle on the stream's shared storage, so advancing a copy advances it.
    private func nextLine() async -> String? {
        var iterator = lines
        return await iterator.next(isolation: self)
    }

    private func withTimeout<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async throws -> T {
        let limit = timeout
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let result { return result }
                self.terminateHung()
                throw PDFError(description: "WeasyPrint took longer than \(limit) for one PDF and was stopped")
            }
            throw PDFError(description: "the PDF worker stopped")
        }
    }

    private nonisolated func terminateHung() {
        // Process.terminate is thread-safe; stopping here unblocks the pending read.
        Task { await self.stop() }
    }

    /// Lines from a pipe, delivered as they arrive (the reading happens on Foundation's handler).
    private static func lines(from handle: FileHandle) -> AsyncStream<String> {
        AsyncStream { continuation in
            let buffer = LineBuffer()
            handle.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty {
                    handle.readabilityHandler = nil
                    continuation.finish()
                    return
                }
                for line in buffer.append(data) { continuation.yield(line) }
            }
        }
    }

    private static func decode(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}

/// Splits a byte stream into lines; used only from one readability handler at a time.
private final class LineBuffer: @unchecked Sendable {
    // @unchecked: FileHandle calls its readabilityHandler serially, so `pending` is never shared.
    private var pending = Data()

    func append(_ data: Data) -> [String] {
        pending.append(data)
        var result: [String] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            result.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
            pending = Data(pending[pending.index(after: newline)...])
        }
        return result
    }
}
