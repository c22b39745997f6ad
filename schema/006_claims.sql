-- PartnerGraph schema, migration 006: values that sources state, for sources that disagree (issue 11).
--
-- An entity keeps one current value of each attribute and date (in `entity` and `attribute`).
-- A claim records that a source states a value for one of those fields, with an optional quote:
-- when two sources state different values (one says an organization was founded in 1979,
-- another 1982), both claims are kept, and `show` marks the disagreement. `field` is an
-- attribute's key, or 'date', 'start' or 'end'.
CREATE TABLE claim (
    id        INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    field     TEXT NOT NULL CHECK (field <> ''),
    value     TEXT NOT NULL,
    source_id INTEGER REFERENCES source(id),
    quote     TEXT
);
CREATE UNIQUE INDEX claim_identity ON claim(entity_id, field, value, ifnull(source_id, 0));
CREATE INDEX claim_by_source ON claim(source_id) WHERE source_id IS NOT NULL;

-- Recorded in the history like the tables of migration 005.
CREATE TRIGGER history_claim_insert AFTER INSERT ON claim
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'claim', new.id, new.entity_id, NULL,
        NULL,
        json_object('id', new.id, 'entity_id', new.entity_id, 'field', new.field, 'value', new.value, 'source_id', new.source_id, 'quote', new.quote));
END;

CREATE TRIGGER history_claim_update AFTER UPDATE ON claim
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.entity_id IS NOT new.entity_id OR old.field IS NOT new.field OR old.value IS NOT new.value OR old.source_id IS NOT new.source_id OR old.quote IS NOT new.quote)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'claim', new.id, new.entity_id, NULL,
        json_object('id', old.id, 'entity_id', old.entity_id, 'field', old.field, 'value', old.value, 'source_id', old.source_id, 'quote', old.quote),
        json_object('id', new.id, 'entity_id', new.entity_id, 'field', new.field, 'value', new.value, 'source_id', new.source_id, 'quote', new.quote));
END;

CREATE TRIGGER history_claim_delete AFTER DELETE ON claim
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'claim', old.id, old.entity_id, NULL,
        json_object('id', old.id, 'entity_id', old.entity_id, 'field', old.field, 'value', old.value, 'source_id', old.source_id, 'quote', old.quote),
        NULL);
END;
