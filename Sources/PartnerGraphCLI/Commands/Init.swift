import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            _superCommandName: toolName,
            abstract: "Create an empty database, or bring an existing one up to the current schema.",
            discussion: "Running it on a database that is already current changes nothing.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.openGraphForWriting(creating: true)
            let kind = database.isPostgres ? "PartnerGraph database on PostgreSQL" : "PartnerGraph database"
            print("\(store.location): \(kind), schema version \(try store.recordedSchemaVersion())")
        }
    }
}
