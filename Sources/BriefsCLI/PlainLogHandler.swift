import Foundation
import Logging

/// Prints log messages as plain lines on standard error ("[2/5] Parse 14 briefs"), without the
/// timestamps and labels of swift-log's default handler, which mean nothing to an editor.
struct PlainLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        FileHandle.standardError.write(Data("\(event.message)\n".utf8))
    }
}
