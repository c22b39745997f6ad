import PartnerGraphCLI

// `partnergraph`: the commands over SQLite files (PartnerGraphTool).
PartnerGraphTool.main()
