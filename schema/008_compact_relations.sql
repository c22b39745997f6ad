-- PartnerGraph schema, migration 008: relations stored compactly (issue 14).
--
-- A million relations took 170 MB: each relation's row, its identity index and its
-- relation_incoming entry each repeated the type's name as text (10 bytes on average) and the
-- dates as text (10 bytes), and each row held two 20-byte timestamps. Now:
--   - the type is a small integer, the id of its name in relation_type_code (a name keeps its
--     id for ever, so ids never need rewriting: renaming or removing a type adds or leaves one);
--   - a date is the integer YYYYMMDD, 00 standing for an unknown month or day: 2024 is 20240000,
--     2024-03 is 20240300 (precision kept, and integers order as the dates' text did);
--   - a timestamp is Unix seconds; updated_at is NULL while it equals created_at.
-- A date or timestamp not in the canonical form (only the sqlite3 shell can write one) is kept
-- as the text it was, so that nothing is lost.
--
-- relation_view shows the rows as they were before: type names, dates and timestamps as text.
-- PartnerGraph reads relations through it, history records its images, and `undo` and the
-- sqlite3 shell may write through it (its INSTEAD OF triggers store the compact form).
-- relation_id values are unchanged: citations, history and drafts refer to them.

-- Ids of relation type names. Every name of relation_type has one, added by the trigger below
-- (a type added later gets the next id, whatever its name).
CREATE TABLE relation_type_code (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
-- Numbered in the order of the names, so that the relations of a node keep the order they had
-- in the indexes (by type name), and traversals meet them as before.
INSERT INTO relation_type_code (name) SELECT name FROM relation_type UNION SELECT type FROM relation ORDER BY 1;

CREATE TRIGGER relation_type_code_insert AFTER INSERT ON relation_type
BEGIN INSERT OR IGNORE INTO relation_type_code (name) VALUES (new.name); END;
CREATE TRIGGER relation_type_code_update AFTER UPDATE OF name ON relation_type
BEGIN INSERT OR IGNORE INTO relation_type_code (name) VALUES (new.name); END;

-- The citation history triggers read `relation`; they are put back, unchanged, at the end.
DROP TRIGGER history_citation_insert;
DROP TRIGGER history_citation_update;
DROP TRIGGER history_citation_delete;

-- The rows are copied aside, `relation` is dropped and created again in the compact form (not
-- created under another name and renamed: ALTER TABLE … RENAME attaches SQLite's temp database
-- to the connection for good). Dropping `relation` deletes the citations of relations (ON
-- DELETE CASCADE, and foreign keys are on during migrations): they are kept aside and put back.
CREATE TABLE relation_citation_kept AS SELECT * FROM citation WHERE relation_id IS NOT NULL;
CREATE TABLE relation_v7 AS SELECT * FROM relation;
DROP TABLE relation;

CREATE TABLE relation (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES entity(id),
    type_id    INTEGER NOT NULL REFERENCES relation_type_code(id),
    target_id  INTEGER NOT NULL REFERENCES entity(id),
    role       TEXT,
    start_date INTEGER,                            -- YYYYMMDD, 00 for an unknown month or day
    end_date   INTEGER,
    date       INTEGER,
    note       TEXT,
    created_at INTEGER NOT NULL,                   -- Unix seconds
    updated_at INTEGER                             -- NULL: equal to created_at
);
INSERT INTO relation (id, source_id, type_id, target_id, role, start_date, end_date, date, note, created_at, updated_at)
    SELECT o.id,
        o.source_id,
        (SELECT id FROM relation_type_code WHERE name = o.type),
        o.target_id,
        o.role,
        CASE WHEN o.start_date GLOB '[0-9][0-9][0-9][0-9]' OR o.start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR o.start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(o.start_date, 1, 4) AS INTEGER) * 10000 + CAST(substr(o.start_date, 6, 2) AS INTEGER) * 100 + CAST(substr(o.start_date, 9, 2) AS INTEGER) ELSE o.start_date END,
        CASE WHEN o.end_date GLOB '[0-9][0-9][0-9][0-9]' OR o.end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR o.end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(o.end_date, 1, 4) AS INTEGER) * 10000 + CAST(substr(o.end_date, 6, 2) AS INTEGER) * 100 + CAST(substr(o.end_date, 9, 2) AS INTEGER) ELSE o.end_date END,
        CASE WHEN o.date GLOB '[0-9][0-9][0-9][0-9]' OR o.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR o.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(o.date, 1, 4) AS INTEGER) * 10000 + CAST(substr(o.date, 6, 2) AS INTEGER) * 100 + CAST(substr(o.date, 9, 2) AS INTEGER) ELSE o.date END,
        o.note,
        CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', o.created_at) IS o.created_at THEN CAST(strftime('%s', o.created_at) AS INTEGER) ELSE o.created_at END,
        nullif(CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', o.updated_at) IS o.updated_at THEN CAST(strftime('%s', o.updated_at) AS INTEGER) ELSE o.updated_at END, CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', o.created_at) IS o.created_at THEN CAST(strftime('%s', o.created_at) AS INTEGER) ELSE o.created_at END)
    FROM relation_v7 o ORDER BY o.id;
DROP TABLE relation_v7;
INSERT INTO citation SELECT * FROM relation_citation_kept;
DROP TABLE relation_citation_kept;

-- The identity (see 001) on the integers; it still serves outgoing traversal.
CREATE UNIQUE INDEX relation_identity ON relation(source_id, type_id, target_id, ifnull(role, ''), ifnull(start_date, 0), ifnull(date, 0));

-- relation_incoming (see 003 and 007) with the same integers.
DROP TABLE relation_incoming;
CREATE TABLE relation_incoming (
    target_id   INTEGER NOT NULL,
    type_id     INTEGER NOT NULL,
    source_id   INTEGER NOT NULL,
    relation_id INTEGER NOT NULL,
    start_date  INTEGER,
    end_date    INTEGER,
    date        INTEGER,
    PRIMARY KEY (target_id, type_id, source_id, relation_id)
) WITHOUT ROWID;
INSERT INTO relation_incoming (target_id, type_id, source_id, relation_id, start_date, end_date, date)
    SELECT target_id, type_id, source_id, id, start_date, end_date, date FROM relation
    ORDER BY target_id, type_id, source_id, id;

CREATE TRIGGER relation_incoming_insert AFTER INSERT ON relation
BEGIN
    INSERT INTO relation_incoming (target_id, type_id, source_id, relation_id, start_date, end_date, date)
    VALUES (new.target_id, new.type_id, new.source_id, new.id, new.start_date, new.end_date, new.date);
END;
CREATE TRIGGER relation_incoming_delete AFTER DELETE ON relation
BEGIN
    DELETE FROM relation_incoming
    WHERE target_id = old.target_id AND type_id = old.type_id AND source_id = old.source_id AND relation_id = old.id;
END;
CREATE TRIGGER relation_incoming_update AFTER UPDATE OF id, source_id, type_id, target_id, start_date, end_date, date ON relation
BEGIN
    DELETE FROM relation_incoming
    WHERE target_id = old.target_id AND type_id = old.type_id AND source_id = old.source_id AND relation_id = old.id;
    INSERT INTO relation_incoming (target_id, type_id, source_id, relation_id, start_date, end_date, date)
    VALUES (new.target_id, new.type_id, new.source_id, new.id, new.start_date, new.end_date, new.date);
END;

-- The search queue's triggers (see 002), as they were.
CREATE TRIGGER search_queue_relation_insert AFTER INSERT ON relation WHEN new.note IS NOT NULL
BEGIN INSERT INTO search_pending (kind, owner) SELECT 2, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 2 AND owner = new.id); END;
CREATE TRIGGER search_queue_relation_update AFTER UPDATE OF note ON relation
BEGIN INSERT INTO search_pending (kind, owner) SELECT 2, new.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 2 AND owner = new.id); END;
CREATE TRIGGER search_queue_relation_delete AFTER DELETE ON relation WHEN old.note IS NOT NULL
BEGIN INSERT INTO search_pending (kind, owner) SELECT 2, old.id WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE kind = 2 AND owner = old.id); END;

-- The relations as they read before this migration. The type's name comes from a subquery
-- rather than a join, so that a query on the view is planned as it was on the table.
CREATE VIEW relation_view AS SELECT
    r.id AS id,
    r.source_id AS source_id,
    (SELECT name FROM relation_type_code WHERE id = r.type_id) AS type,
    r.target_id AS target_id,
    r.role AS role,
    CASE WHEN typeof(r.start_date) <> 'integer' THEN r.start_date WHEN r.start_date % 100 <> 0 THEN printf('%04d-%02d-%02d', r.start_date / 10000, r.start_date / 100 % 100, r.start_date % 100) WHEN r.start_date % 10000 <> 0 THEN printf('%04d-%02d', r.start_date / 10000, r.start_date / 100 % 100) ELSE printf('%04d', r.start_date / 10000) END AS start_date,
    CASE WHEN typeof(r.end_date) <> 'integer' THEN r.end_date WHEN r.end_date % 100 <> 0 THEN printf('%04d-%02d-%02d', r.end_date / 10000, r.end_date / 100 % 100, r.end_date % 100) WHEN r.end_date % 10000 <> 0 THEN printf('%04d-%02d', r.end_date / 10000, r.end_date / 100 % 100) ELSE printf('%04d', r.end_date / 10000) END AS end_date,
    CASE WHEN typeof(r.date) <> 'integer' THEN r.date WHEN r.date % 100 <> 0 THEN printf('%04d-%02d-%02d', r.date / 10000, r.date / 100 % 100, r.date % 100) WHEN r.date % 10000 <> 0 THEN printf('%04d-%02d', r.date / 10000, r.date / 100 % 100) ELSE printf('%04d', r.date / 10000) END AS date,
    r.note AS note,
    CASE WHEN typeof(r.created_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', r.created_at, 'unixepoch') ELSE r.created_at END AS created_at,
    CASE WHEN typeof(ifnull(r.updated_at, r.created_at)) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', ifnull(r.updated_at, r.created_at), 'unixepoch') ELSE ifnull(r.updated_at, r.created_at) END AS updated_at
FROM relation r;

CREATE TRIGGER relation_view_insert INSTEAD OF INSERT ON relation_view
BEGIN
    -- A name the vocabulary lacks gets an id too, as it was stored before: `check` reports it.
    INSERT OR IGNORE INTO relation_type_code (name) SELECT new.type WHERE new.type IS NOT NULL;
    INSERT INTO relation (id, source_id, type_id, target_id, role, start_date, end_date, date, note, created_at, updated_at)
    VALUES (new.id,
        new.source_id,
        (SELECT id FROM relation_type_code WHERE name = new.type),
        new.target_id,
        new.role,
        CASE WHEN new.start_date GLOB '[0-9][0-9][0-9][0-9]' OR new.start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR new.start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(new.start_date, 1, 4) AS INTEGER) * 10000 + CAST(substr(new.start_date, 6, 2) AS INTEGER) * 100 + CAST(substr(new.start_date, 9, 2) AS INTEGER) ELSE new.start_date END,
        CASE WHEN new.end_date GLOB '[0-9][0-9][0-9][0-9]' OR new.end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR new.end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(new.end_date, 1, 4) AS INTEGER) * 10000 + CAST(substr(new.end_date, 6, 2) AS INTEGER) * 100 + CAST(substr(new.end_date, 9, 2) AS INTEGER) ELSE new.end_date END,
        CASE WHEN new.date GLOB '[0-9][0-9][0-9][0-9]' OR new.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR new.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(new.date, 1, 4) AS INTEGER) * 10000 + CAST(substr(new.date, 6, 2) AS INTEGER) * 100 + CAST(substr(new.date, 9, 2) AS INTEGER) ELSE new.date END,
        new.note,
        CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', new.created_at) IS new.created_at THEN CAST(strftime('%s', new.created_at) AS INTEGER) ELSE new.created_at END,
        nullif(CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', new.updated_at) IS new.updated_at THEN CAST(strftime('%s', new.updated_at) AS INTEGER) ELSE new.updated_at END, CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', new.created_at) IS new.created_at THEN CAST(strftime('%s', new.created_at) AS INTEGER) ELSE new.created_at END));
END;
CREATE TRIGGER relation_view_update INSTEAD OF UPDATE ON relation_view
BEGIN
    INSERT OR IGNORE INTO relation_type_code (name) SELECT new.type WHERE new.type IS NOT NULL;
    UPDATE relation SET
        id = new.id,
        source_id = new.source_id,
        type_id = (SELECT id FROM relation_type_code WHERE name = new.type),
        target_id = new.target_id,
        role = new.role,
        start_date = CASE WHEN new.start_date GLOB '[0-9][0-9][0-9][0-9]' OR new.start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR new.start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(new.start_date, 1, 4) AS INTEGER) * 10000 + CAST(substr(new.start_date, 6, 2) AS INTEGER) * 100 + CAST(substr(new.start_date, 9, 2) AS INTEGER) ELSE new.start_date END,
        end_date = CASE WHEN new.end_date GLOB '[0-9][0-9][0-9][0-9]' OR new.end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR new.end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(new.end_date, 1, 4) AS INTEGER) * 10000 + CAST(substr(new.end_date, 6, 2) AS INTEGER) * 100 + CAST(substr(new.end_date, 9, 2) AS INTEGER) ELSE new.end_date END,
        date = CASE WHEN new.date GLOB '[0-9][0-9][0-9][0-9]' OR new.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR new.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN CAST(substr(new.date, 1, 4) AS INTEGER) * 10000 + CAST(substr(new.date, 6, 2) AS INTEGER) * 100 + CAST(substr(new.date, 9, 2) AS INTEGER) ELSE new.date END,
        note = new.note,
        created_at = CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', new.created_at) IS new.created_at THEN CAST(strftime('%s', new.created_at) AS INTEGER) ELSE new.created_at END,
        updated_at = nullif(CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', new.updated_at) IS new.updated_at THEN CAST(strftime('%s', new.updated_at) AS INTEGER) ELSE new.updated_at END, CASE WHEN strftime('%Y-%m-%dT%H:%M:%SZ', new.created_at) IS new.created_at THEN CAST(strftime('%s', new.created_at) AS INTEGER) ELSE new.created_at END)
    WHERE id = old.id;
END;
CREATE TRIGGER relation_view_delete INSTEAD OF DELETE ON relation_view
BEGIN DELETE FROM relation WHERE id = old.id; END;

-- History (see 005) records relations as relation_view shows them, so that images written
-- before and after this migration read alike and `undo` puts either back through the view.
CREATE TRIGGER history_relation_insert AFTER INSERT ON relation
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation', new.id, new.source_id, new.target_id,
        NULL,
        json_object('id', new.id, 'source_id', new.source_id, 'type', (SELECT name FROM relation_type_code WHERE id = new.type_id), 'target_id', new.target_id, 'role', new.role, 'start_date', CASE WHEN typeof(new.start_date) <> 'integer' THEN new.start_date WHEN new.start_date % 100 <> 0 THEN printf('%04d-%02d-%02d', new.start_date / 10000, new.start_date / 100 % 100, new.start_date % 100) WHEN new.start_date % 10000 <> 0 THEN printf('%04d-%02d', new.start_date / 10000, new.start_date / 100 % 100) ELSE printf('%04d', new.start_date / 10000) END, 'end_date', CASE WHEN typeof(new.end_date) <> 'integer' THEN new.end_date WHEN new.end_date % 100 <> 0 THEN printf('%04d-%02d-%02d', new.end_date / 10000, new.end_date / 100 % 100, new.end_date % 100) WHEN new.end_date % 10000 <> 0 THEN printf('%04d-%02d', new.end_date / 10000, new.end_date / 100 % 100) ELSE printf('%04d', new.end_date / 10000) END, 'date', CASE WHEN typeof(new.date) <> 'integer' THEN new.date WHEN new.date % 100 <> 0 THEN printf('%04d-%02d-%02d', new.date / 10000, new.date / 100 % 100, new.date % 100) WHEN new.date % 10000 <> 0 THEN printf('%04d-%02d', new.date / 10000, new.date / 100 % 100) ELSE printf('%04d', new.date / 10000) END, 'note', new.note, 'created_at', CASE WHEN typeof(new.created_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', new.created_at, 'unixepoch') ELSE new.created_at END, 'updated_at', CASE WHEN typeof(ifnull(new.updated_at, new.created_at)) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', ifnull(new.updated_at, new.created_at), 'unixepoch') ELSE ifnull(new.updated_at, new.created_at) END));
END;

CREATE TRIGGER history_relation_update AFTER UPDATE ON relation
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.source_id IS NOT new.source_id OR old.type_id IS NOT new.type_id OR old.target_id IS NOT new.target_id OR old.role IS NOT new.role OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date OR old.date IS NOT new.date OR old.note IS NOT new.note OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation', new.id, new.source_id, new.target_id,
        json_object('id', old.id, 'source_id', old.source_id, 'type', (SELECT name FROM relation_type_code WHERE id = old.type_id), 'target_id', old.target_id, 'role', old.role, 'start_date', CASE WHEN typeof(old.start_date) <> 'integer' THEN old.start_date WHEN old.start_date % 100 <> 0 THEN printf('%04d-%02d-%02d', old.start_date / 10000, old.start_date / 100 % 100, old.start_date % 100) WHEN old.start_date % 10000 <> 0 THEN printf('%04d-%02d', old.start_date / 10000, old.start_date / 100 % 100) ELSE printf('%04d', old.start_date / 10000) END, 'end_date', CASE WHEN typeof(old.end_date) <> 'integer' THEN old.end_date WHEN old.end_date % 100 <> 0 THEN printf('%04d-%02d-%02d', old.end_date / 10000, old.end_date / 100 % 100, old.end_date % 100) WHEN old.end_date % 10000 <> 0 THEN printf('%04d-%02d', old.end_date / 10000, old.end_date / 100 % 100) ELSE printf('%04d', old.end_date / 10000) END, 'date', CASE WHEN typeof(old.date) <> 'integer' THEN old.date WHEN old.date % 100 <> 0 THEN printf('%04d-%02d-%02d', old.date / 10000, old.date / 100 % 100, old.date % 100) WHEN old.date % 10000 <> 0 THEN printf('%04d-%02d', old.date / 10000, old.date / 100 % 100) ELSE printf('%04d', old.date / 10000) END, 'note', old.note, 'created_at', CASE WHEN typeof(old.created_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', old.created_at, 'unixepoch') ELSE old.created_at END, 'updated_at', CASE WHEN typeof(ifnull(old.updated_at, old.created_at)) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', ifnull(old.updated_at, old.created_at), 'unixepoch') ELSE ifnull(old.updated_at, old.created_at) END),
        json_object('id', new.id, 'source_id', new.source_id, 'type', (SELECT name FROM relation_type_code WHERE id = new.type_id), 'target_id', new.target_id, 'role', new.role, 'start_date', CASE WHEN typeof(new.start_date) <> 'integer' THEN new.start_date WHEN new.start_date % 100 <> 0 THEN printf('%04d-%02d-%02d', new.start_date / 10000, new.start_date / 100 % 100, new.start_date % 100) WHEN new.start_date % 10000 <> 0 THEN printf('%04d-%02d', new.start_date / 10000, new.start_date / 100 % 100) ELSE printf('%04d', new.start_date / 10000) END, 'end_date', CASE WHEN typeof(new.end_date) <> 'integer' THEN new.end_date WHEN new.end_date % 100 <> 0 THEN printf('%04d-%02d-%02d', new.end_date / 10000, new.end_date / 100 % 100, new.end_date % 100) WHEN new.end_date % 10000 <> 0 THEN printf('%04d-%02d', new.end_date / 10000, new.end_date / 100 % 100) ELSE printf('%04d', new.end_date / 10000) END, 'date', CASE WHEN typeof(new.date) <> 'integer' THEN new.date WHEN new.date % 100 <> 0 THEN printf('%04d-%02d-%02d', new.date / 10000, new.date / 100 % 100, new.date % 100) WHEN new.date % 10000 <> 0 THEN printf('%04d-%02d', new.date / 10000, new.date / 100 % 100) ELSE printf('%04d', new.date / 10000) END, 'note', new.note, 'created_at', CASE WHEN typeof(new.created_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', new.created_at, 'unixepoch') ELSE new.created_at END, 'updated_at', CASE WHEN typeof(ifnull(new.updated_at, new.created_at)) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', ifnull(new.updated_at, new.created_at), 'unixepoch') ELSE ifnull(new.updated_at, new.created_at) END));
END;

CREATE TRIGGER history_relation_delete AFTER DELETE ON relation
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation', old.id, old.source_id, old.target_id,
        json_object('id', old.id, 'source_id', old.source_id, 'type', (SELECT name FROM relation_type_code WHERE id = old.type_id), 'target_id', old.target_id, 'role', old.role, 'start_date', CASE WHEN typeof(old.start_date) <> 'integer' THEN old.start_date WHEN old.start_date % 100 <> 0 THEN printf('%04d-%02d-%02d', old.start_date / 10000, old.start_date / 100 % 100, old.start_date % 100) WHEN old.start_date % 10000 <> 0 THEN printf('%04d-%02d', old.start_date / 10000, old.start_date / 100 % 100) ELSE printf('%04d', old.start_date / 10000) END, 'end_date', CASE WHEN typeof(old.end_date) <> 'integer' THEN old.end_date WHEN old.end_date % 100 <> 0 THEN printf('%04d-%02d-%02d', old.end_date / 10000, old.end_date / 100 % 100, old.end_date % 100) WHEN old.end_date % 10000 <> 0 THEN printf('%04d-%02d', old.end_date / 10000, old.end_date / 100 % 100) ELSE printf('%04d', old.end_date / 10000) END, 'date', CASE WHEN typeof(old.date) <> 'integer' THEN old.date WHEN old.date % 100 <> 0 THEN printf('%04d-%02d-%02d', old.date / 10000, old.date / 100 % 100, old.date % 100) WHEN old.date % 10000 <> 0 THEN printf('%04d-%02d', old.date / 10000, old.date / 100 % 100) ELSE printf('%04d', old.date / 10000) END, 'note', old.note, 'created_at', CASE WHEN typeof(old.created_at) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', old.created_at, 'unixepoch') ELSE old.created_at END, 'updated_at', CASE WHEN typeof(ifnull(old.updated_at, old.created_at)) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%SZ', ifnull(old.updated_at, old.created_at), 'unixepoch') ELSE ifnull(old.updated_at, old.created_at) END),
        NULL);
END;

CREATE TRIGGER history_citation_insert AFTER INSERT ON citation
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'citation', new.id, ifnull(new.entity_id, (SELECT r.source_id FROM relation r WHERE r.id = new.relation_id)), (SELECT r.target_id FROM relation r WHERE r.id = new.relation_id),
        NULL,
        json_object('id', new.id, 'source_id', new.source_id, 'entity_id', new.entity_id, 'relation_id', new.relation_id, 'quote', new.quote));
END;

CREATE TRIGGER history_citation_update AFTER UPDATE ON citation
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.source_id IS NOT new.source_id OR old.entity_id IS NOT new.entity_id OR old.relation_id IS NOT new.relation_id OR old.quote IS NOT new.quote)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'citation', new.id, ifnull(new.entity_id, (SELECT r.source_id FROM relation r WHERE r.id = new.relation_id)), (SELECT r.target_id FROM relation r WHERE r.id = new.relation_id),
        json_object('id', old.id, 'source_id', old.source_id, 'entity_id', old.entity_id, 'relation_id', old.relation_id, 'quote', old.quote),
        json_object('id', new.id, 'source_id', new.source_id, 'entity_id', new.entity_id, 'relation_id', new.relation_id, 'quote', new.quote));
END;

CREATE TRIGGER history_citation_delete AFTER DELETE ON citation
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'citation', old.id, ifnull(old.entity_id, (SELECT r.source_id FROM relation r WHERE r.id = old.relation_id)), (SELECT r.target_id FROM relation r WHERE r.id = old.relation_id),
        json_object('id', old.id, 'source_id', old.source_id, 'entity_id', old.entity_id, 'relation_id', old.relation_id, 'quote', old.quote),
        NULL);
END;
