import ArgumentParser
import FrontLint

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json
}

/// `frontlint rules`: every rule with its defaults.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    @Option(help: "human or json.")
    var format: ListFormat = .human

    func run() throws {
        print(format == .json ? RuleCatalog.json() : RuleCatalog.table(), terminator: "")
    }
}

/// `frontlint explain RULE`: a rule's documentation.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule's documentation.")

    @Argument(help: "The rule id, e.g. date-format.")
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.description(of: rule) else {
            throw ValidationError("unknown rule `\(rule)`\(DidYouMean.phrase(rule, from: RuleRegistry.ids))")
        }
        print(RuleCatalog.explain(description), terminator: "")
    }
}

/// `frontlint presets`: the built-in presets.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "presets", abstract: "List the built-in presets.")

    @Argument(help: "Print this preset's YAML.")
    var name: String?

    func run() throws {
        if let name {
            guard let source = Presets.source(named: name) else {
                throw ValidationError("unknown preset `\(name)`\(DidYouMean.phrase(name, from: Presets.names))")
            }
            print(source, terminator: "")
            return
        }
        let width = Presets.names.map(\.count).max() ?? 0
        for name in Presets.names {
            print(name + String(repeating: " ", count: width - name.count) + "  " + Presets.summary(of: name))
        }
    }
}

/// `frontlint print-config FILE`: the merged configuration that applies to a file.
struct PrintConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-config",
        abstract: "Print the merged configuration that applies to a file.")

    @Argument(help: "A Markdown file (it need not exist).")
    var file: String

    @Option(help: "Use this configuration file instead of discovering .frontlint.yml.")
    var config: String?

    func run() throws {
        do {
            let resolver = try ConfigurationResolver(configPath: config, selection: RuleSelection())
            let resolved = try resolver.resolve(filePath: file)
            print(ConfigurationPrinter.render(resolved.configuration, settings: resolved.settings), terminator: "")
        } catch {
            Output.standardError.write("frontlint: invalid configuration: \(error)\n")
            throw ExitCode(2)
        }
    }
}
