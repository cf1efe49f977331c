import ArgumentParser
import FrontLint

/// `frontlint inspect FILE`: the front matter tree and heading outline frontlint sees in a file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the front matter tree and the heading outline frontlint reads from a file.")

    @Argument(help: "A Markdown file.")
    var file: String

    @Option(help: "human or json.")
    var format: ListFormat = .human

    @Option(help: "Use this configuration file instead of discovering .frontlint.yml.")
    var config: String?

    func run() throws {
        let settings: LintSettings
        do {
            settings = try ConfigurationResolver(configPath: config, selection: RuleSelection()).resolve(filePath: file).settings
        } catch {
            Output.standardError.write("frontlint: invalid configuration: \(error)\n")
            throw ExitCode(2)
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(file)
        } catch {
            Output.standardError.write("frontlint: \(file): \(error)\n")
            throw ExitCode(2)
        }
        let context = LintContext(source: SourceFile(path: file, bytes: bytes), settings: settings)
        print(format == .json ? InspectRenderer.json(context) : InspectRenderer.human(context), terminator: "")
    }
}
