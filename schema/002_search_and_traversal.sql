-- PartnerGraph schema, migration 002: full-text search, and indexes tuned for traversal.
--
-- Traversal (`path`, `neighbors`, `common`) reads a node's relations through two covering
-- indexes: relation_identity (source_id, type, target_id, ...) for outgoing relations and
-- relation_by_target (target_id, type, source_id) for incoming ones; both carry the relation's
-- rowid, so a hop never touches the relation table itself. relation_by_type served no query
-- and cost a third of the time of a bulk import, so it goes.
DROP INDEX relation_by_type;

-- Full-text search over names, aliases, keys, notes and stored source texts (SQLite FTS5).
--
-- One row per searchable thing; the rowid tells what it is: owner id * 4 + kind, where kind
-- is 0 for an entity, 1 for a source and 2 for a relation. Both columns hold text folded by
-- PartnerGraph's NameNormalizer (case, Latin diacritics, Arabic letter variants, harakat),
-- followed by the variants of each Arabic word without its leading clitics (و ف ب ل ال لل),
-- so that `أذربيجان` finds `وأذربيجان`. The folding is done by the program, not by SQLite,
-- which is why the table is filled from search_pending rather than by triggers.
--   names: an entity's key, primary name and aliases; a source's key and title.
--   body:  an entity's or relation's note; a source's text.
CREATE VIRTUAL TABLE search_index USING fts5(names, body, tokenize = 'unicode61 remove_diacritics 2');

-- What search_index lacks: every insert, change or removal of a searchable thing queues its
-- (kind, owner) here (the triggers test NOT EXISTS rather than use INSERT OR IGNORE, because an
-- outer statement's conflict policy would override the trigger's), and `partnergraph search` (or a bulk import) indexes the queue before
-- it reads. Writes made with the sqlite3 shell are queued in the same way.
CREATE TABLE search_pending (
    kind  INTEGER NOT NULL CHECK (kind IN (0, 1, 2)),
    owner INTEGER NOT NULL,
    PRIMARY KEY (kind, owner)
) WITHOUT ROWID;

CREATE TRIGGER search_queue_entity_insert AFTER INSERT ON entity
BEGIN INSERT INTO search_pending (kind, owner) SELECT 0, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0 AND owner = new.id); END;
CREATE TRIGGER search_queue_entity_update AFTER UPDATE OF key, name, note ON entity
BEGIN INSERT INTO search_pending (kind, owner) SELECT 0, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0 AND owner = new.id); END;
CREATE TRIGGER search_queue_entity_delete AFTER DELETE ON entity
BEGIN INSERT INTO search_pending (kind, owner) SELECT 0, old.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0 AND owner = old.id); END;

CREATE TRIGGER search_queue_alias_insert AFTER INSERT ON alias
BEGIN INSERT INTO search_pending (kind, owner) SELECT 0, new.entity_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0 AND owner = new.entity_id); END;
CREATE TRIGGER search_queue_alias_update AFTER UPDATE ON alias
BEGIN INSERT INTO search_pending (kind, owner) SELECT 0, new.entity_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0 AND owner = new.entity_id); END;
CREATE TRIGGER search_queue_alias_delete AFTER DELETE ON alias
BEGIN INSERT INTO search_pending (kind, owner) SELECT 0, old.entity_id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 0 AND owner = old.entity_id); END;

CREATE TRIGGER search_queue_source_insert AFTER INSERT ON source
BEGIN INSERT INTO search_pending (kind, owner) SELECT 1, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 1 AND owner = new.id); END;
CREATE TRIGGER search_queue_source_update AFTER UPDATE OF key, title, text ON source
BEGIN INSERT INTO search_pending (kind, owner) SELECT 1, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 1 AND owner = new.id); END;
CREATE TRIGGER search_queue_source_delete AFTER DELETE ON source
BEGIN INSERT INTO search_pending (kind, owner) SELECT 1, old.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 1 AND owner = old.id); END;

-- Only relations with a note are searchable; the WHEN clauses keep bulk loads of plain
-- relations from filling the queue.
CREATE TRIGGER search_queue_relation_insert AFTER INSERT ON relation WHEN new.note IS NOT NULL
BEGIN INSERT INTO search_pending (kind, owner) SELECT 2, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 2 AND owner = new.id); END;
CREATE TRIGGER search_queue_relation_update AFTER UPDATE OF note ON relation
BEGIN INSERT INTO search_pending (kind, owner) SELECT 2, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 2 AND owner = new.id); END;
CREATE TRIGGER search_queue_relation_delete AFTER DELETE ON relation WHEN old.note IS NOT NULL
BEGIN INSERT INTO search_pending (kind, owner) SELECT 2, old.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 2 AND owner = old.id); END;

-- A database written before this migration gets all of its searchable things queued.
INSERT OR IGNORE INTO search_pending (kind, owner) SELECT 0, id FROM entity;
INSERT OR IGNORE INTO search_pending (kind, owner) SELECT 1, id FROM source;
INSERT OR IGNORE INTO search_pending (kind, owner) SELECT 2, id FROM relation WHERE note IS NOT NULL;
