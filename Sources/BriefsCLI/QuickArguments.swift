/// Reads the everyday `briefpress build` command lines without swift-argument-parser.
///
/// The argument parser finds a command's options through `Mirror` and asks the Swift runtime
/// about a few hundred protocol conformances; in a binary that carries Foundation, SwiftNIO and
/// Hummingbird each first question scans the whole conformance table. That is 6-8 ms before a
/// build starts, a tenth of a rebuild that changes one brief of a thousand.
///
/// This reader accepts only what it understands completely: `build`, at most one site folder,
/// `--drafts --strict --quiet -q --verbose -v --no-cache --no-pdf`, and `-o/--output DIR`,
/// `--format F`, `-j/--jobs N` (also as `--name=value`), each at most once. Anything else (help,
/// a typo, a value the parser would reject, the external link check options) returns `nil`, and
/// the argument parser reads the line and writes its own messages. `QuickArgumentsTests`
/// checks that both readers agree on every line this one accepts.
enum QuickArguments {
    static func build(_ arguments: [String]) -> BuildRequest? {
        guard arguments.first == "build" else { return nil }
        var request = BuildRequest(settings: RunSettings())
        var seen: Set<String> = []
        var site: String?
        var index = 1
        func value(attached: String?) -> String? {
            if let attached { return attached }
            index += 1
            return index < arguments.count ? arguments[index] : nil
        }
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("-") else {
                // A second folder, an empty one, or the word `help` are the parser's business.
                guard site == nil, !argument.isEmpty, argument != "help" else { return nil }
                site = argument
                index += 1
                continue
            }
            let name: String
            var attached: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                attached = String(argument[argument.index(after: equals)...])
            } else {
                name = argument
            }
            let canonical = switch name {
            case "-q": "--quiet"
            case "-v": "--verbose"
            case "-o": "--output"
            case "-j": "--jobs"
            default: name
            }
            guard seen.insert(canonical).inserted else { return nil }
            switch canonical {
            case "--drafts", "--strict", "--quiet", "--verbose", "--no-cache", "--no-pdf":
                guard attached == nil else { return nil }
                switch canonical {
                case "--drafts": request.settings.drafts = true
                case "--strict": request.settings.strict = true
                case "--quiet": request.settings.quiet = true
                case "--verbose": request.settings.verbose = true
                case "--no-cache": request.settings.noCache = true
                default: request.noPDF = true
                }
            case "--output", "--format", "--jobs":
                guard let text = value(attached: attached), !text.isEmpty, !text.hasPrefix("-") else { return nil }
                switch canonical {
                case "--output":
                    request.output = text
                case "--format":
                    guard let format = OutputFormat(rawValue: text) else { return nil }
                    request.settings.format = format
                default:
                    guard text.utf8.count <= 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                          let jobs = Int(text), jobs >= 1 else { return nil }
                    request.settings.jobs = jobs
                }
            default:
                return nil
            }
            index += 1
        }
        if request.settings.quiet && request.settings.verbose { return nil }
        if let site { request.settings.site = site }
        return request
    }
}
