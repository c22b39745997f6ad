-- PartnerGraph schema, migration 007: relation_incoming carries each relation's dates, and the
-- dated entities are indexed.
--
-- A timeline or an `--as-of` traversal of an entity's incoming relations needs their dates. Read
-- from `relation`, each costs a look-up of a row that may sit anywhere in the table: for a hub
-- with twenty thousand incoming relations, most of the table's pages. With the dates beside the
-- key, the entity's incoming relations are one short range of relation_incoming.
--
-- The table is rebuilt rather than altered: its rows are stored in key order, and the triggers
-- that keep it equal to `relation` now copy the dates too (and run when a date changes).
DROP TRIGGER relation_incoming_insert;
DROP TRIGGER relation_incoming_delete;
DROP TRIGGER relation_incoming_update;
DROP TABLE relation_incoming;

CREATE TABLE relation_incoming (
    target_id   INTEGER NOT NULL,
    type        TEXT NOT NULL,
    source_id   INTEGER NOT NULL,
    relation_id INTEGER NOT NULL,
    start_date  TEXT,
    end_date    TEXT,
    date        TEXT,
    PRIMARY KEY (target_id, type, source_id, relation_id)
) WITHOUT ROWID;

INSERT INTO relation_incoming (target_id, type, source_id, relation_id, start_date, end_date, date)
    SELECT target_id, type, source_id, id, start_date, end_date, date FROM relation
    ORDER BY target_id, type, source_id, id;

CREATE TRIGGER relation_incoming_insert AFTER INSERT ON relation
BEGIN
    INSERT INTO relation_incoming (target_id, type, source_id, relation_id, start_date, end_date, date)
    VALUES (new.target_id, new.type, new.source_id, new.id, new.start_date, new.end_date, new.date);
END;
CREATE TRIGGER relation_incoming_delete AFTER DELETE ON relation
BEGIN
    DELETE FROM relation_incoming
    WHERE target_id = old.target_id AND type = old.type AND source_id = old.source_id AND relation_id = old.id;
END;
CREATE TRIGGER relation_incoming_update AFTER UPDATE OF id, source_id, type, target_id, start_date, end_date, date ON relation
BEGIN
    DELETE FROM relation_incoming
    WHERE target_id = old.target_id AND type = old.type AND source_id = old.source_id AND relation_id = old.id;
    INSERT INTO relation_incoming (target_id, type, source_id, relation_id, start_date, end_date, date)
    VALUES (new.target_id, new.type, new.source_id, new.id, new.start_date, new.end_date, new.date);
END;

-- The entities that have a date, a start or an end: the events and agreements a timeline lists
-- beside a hub's relations. Without it, finding them (or that there are none) read every entity.
CREATE INDEX entity_dated ON entity(id) WHERE date IS NOT NULL OR start_date IS NOT NULL OR end_date IS NOT NULL;
