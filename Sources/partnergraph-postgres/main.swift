import PartnerGraphCLI
import PartnerGraphPostgres

// `partnergraph-postgres`: the same commands, run by `partnergraph` for a postgres:// database.
PartnerGraphTool.main { url, creating in
    try PostgresStore(url: url, mode: creating ? .create : .existing)
}
