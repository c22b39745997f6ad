#ifndef PARTNERGRAPH_CSQLITESETTINGS_H
#define PARTNERGRAPH_CSQLITESETTINGS_H

/// Turns off SQLite's memory statistics for the whole process (SQLITE_CONFIG_MEMSTATUS).
///
/// With them on, as Debian's SQLite is built, every allocation SQLite makes takes a global
/// mutex to count itself: a sixth of the CPU time of a bulk import of a million relations.
/// PartnerGraph never reads them. `sqlite3_config` is variadic, which Swift cannot call, hence
/// this C function. It takes effect only before SQLite's first use in the process; afterwards
/// it does nothing. Returns SQLite's result code (SQLITE_MISUSE when it came too late).
int pg_sqlite_disable_memory_statistics(void);

#endif
