import ArgumentParser
import PartnerGraph
import Testing
@testable import PartnerGraphCLI

/// Flag checking, in process, as swift-argument-parser's own examples do.
struct ArgumentTests {
    @Test("Contradictory flags are refused with usage (exit 64)", arguments: [
        ["update", "x", "--note", "n", "--clear-note"],
        ["link", "a", "heads", "b", "--quote", "q"],
        ["vocab", "add", "funded_by", "--forward", "funded by", "--from", "event", "--to", "organization"],
    ])
    func validation(arguments: [String]) {
        do {
            _ = try PartnerGraphCommand.parseAsRoot(arguments)
            Issue.record("expected \(arguments) to be refused")
        } catch {
            #expect(PartnerGraphCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test("An invalid date is refused with the reason")
    func invalidDate() {
        do {
            _ = try PartnerGraphCommand.parseAsRoot(["add", "event", "Forum", "--date", "2024-02-30"])
            Issue.record("expected a refusal")
        } catch {
            #expect(PartnerGraphCommand.fullMessage(for: error).contains("2024-02 has days 01 to 29"))
        }
    }

    @Test("An unknown entity type is refused with the valid ones")
    func unknownType() {
        do {
            _ = try PartnerGraphCommand.parseAsRoot(["add", "planet", "Mars"])
            Issue.record("expected a refusal")
        } catch {
            let message = PartnerGraphCommand.fullMessage(for: error)
            #expect(message.contains("organization"), "\(message)")
        }
    }

    @Test("Aliases are written NAME@LANG")
    func aliasParsing() throws {
        let command = try PartnerGraphCommand.parseAsRoot(["add", "org", "ICESCO", "--alias", "الإيسيسكو@ar", "--alias", "user@example.org"])
        let add = try #require(command as? PartnerGraphCommand.Add)
        #expect(try add.aliases.map(Alias.init(parsing:)) == [Alias(name: "الإيسيسكو", language: "ar"), Alias(name: "user@example.org")])
    }

    @Test("The start-up table of subcommands lists exactly the root's subcommands, under their names")
    func subcommandTable() {
        let table = PartnerGraphCommand.subcommandsByName
        let subcommands = PartnerGraphCommand.configuration.subcommands
        #expect(table.count == subcommands.count)
        for subcommand in subcommands {
            #expect(table[subcommand._commandName] == subcommand, "\(subcommand._commandName) is missing or wrong")
        }
    }

    @Test("Every command names itself: a name derived from the type costs a fresh process ~6 ms of reflection")
    func everyCommandIsNamed() {
        var unnamed: [String] = []
        func visit(_ command: ParsableCommand.Type) {
            if command.configuration.commandName == nil { unnamed.append(String(describing: command)) }
            command.configuration.subcommands.forEach(visit)
        }
        visit(PartnerGraphCommand.self)
        #expect(unnamed.isEmpty, "commands without a commandName: \(unnamed)")
    }
}
