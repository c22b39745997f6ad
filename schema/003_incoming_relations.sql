-- PartnerGraph schema, migration 003: incoming relations kept in a table of their own.
--
-- Traversal reads a node's incoming relations by target. Migration 001 served that with the
-- index relation_by_target (target_id, type, source_id); an index on a table can only be built
-- by SQLite's sorter, which on a bulk load of a million relations cost more than loading the
-- relations themselves. relation_incoming holds the same entries (with the relation's id) as a
-- WITHOUT ROWID table: a bulk load inserts them already in key order, which SQLite turns into
-- appends, and the triggers below keep it equal to `relation` for every other write, including
-- writes made with the sqlite3 shell. Read it as an index: `relation` is the truth.
CREATE TABLE relation_incoming (
    target_id   INTEGER NOT NULL,
    type        TEXT NOT NULL,
    source_id   INTEGER NOT NULL,
    relation_id INTEGER NOT NULL,
    PRIMARY KEY (target_id, type, source_id, relation_id)
) WITHOUT ROWID;

INSERT INTO relation_incoming (target_id, type, source_id, relation_id)
    SELECT target_id, type, source_id, id FROM relation ORDER BY target_id, type, source_id, id;
DROP INDEX relation_by_target;

CREATE TRIGGER relation_incoming_insert AFTER INSERT ON relation
BEGIN INSERT INTO relation_incoming (target_id, type, source_id, relation_id) VALUES (new.target_id, new.type, new.source_id, new.id); END;
CREATE TRIGGER relation_incoming_delete AFTER DELETE ON relation
BEGIN DELETE FROM relation_incoming WHERE target_id = old.target_id AND type = old.type AND source_id = old.source_id AND relation_id = old.id; END;
CREATE TRIGGER relation_incoming_update AFTER UPDATE OF id, source_id, type, target_id ON relation
BEGIN
    DELETE FROM relation_incoming WHERE target_id = old.target_id AND type = old.type AND source_id = old.source_id AND relation_id = old.id;
    INSERT INTO relation_incoming (target_id, type, source_id, relation_id) VALUES (new.target_id, new.type, new.source_id, new.id);
END;
