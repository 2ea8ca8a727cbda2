import BriefsCLI

/// The executable only hands over to the library: all behaviour is testable in-process.
@main
struct BriefPressMain {
    static func main() async {
        await BriefPressCommand.start()
    }
}
