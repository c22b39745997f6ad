-- PartnerGraph schema, migration 005: history, for `history` and `undo` (issue 11).
--
-- Every command that changes the graph is one `change`: who, when, the command line, and the
-- rows it touched. While a command writes, `change_context` holds its change's id (one row,
-- inside the command's transaction, so no other writer ever sees it); the triggers below then
-- copy the before and after image of every row inserted, updated or deleted into `change_row`,
-- as JSON objects of all its columns. Writes made without a change (the sqlite3 shell, a
-- migration) are not recorded. Derived tables (relation_incoming, the search index and its
-- queue, the compiled name matcher) are not recorded either: their own triggers and the search
-- queue bring them along when `undo` puts rows back.
--
-- A bulk import (`import --nodes/--edges`) only adds rows; recording a million row images would
-- double the database and the import time, so it drops these triggers for its length and
-- records, in `change_range`, the id range of the rows it added to each table instead.

CREATE TABLE change (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,                          -- ISO 8601, UTC
    user    TEXT NOT NULL,                          -- $PARTNERGRAPH_USER, else the OS user
    command TEXT NOT NULL,                          -- the command line, or what a library caller named
    undoes  INTEGER REFERENCES change(id)           -- for an undo: the change it reverted
);

-- One row touched by a change, in the order the change touched them. `before` is NULL for a
-- row inserted, `after` for a row deleted. `row_key` is the row's primary key as text (its id;
-- an attribute's [entity_id, key]; a relation type's name). `entity_a` and `entity_b` are the
-- entities the row is about (an entity itself; an alias's, attribute's or citation's entity; a
-- relation's two ends), for the history of one entity.
CREATE TABLE change_row (
    id        INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES change(id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    row_key   TEXT NOT NULL,
    entity_a  INTEGER,
    entity_b  INTEGER,
    before    TEXT,
    after     TEXT
);
CREATE INDEX change_row_by_change ON change_row(change_id);
CREATE INDEX change_row_by_row ON change_row(tbl, row_key);
CREATE INDEX change_row_by_entity_a ON change_row(entity_a) WHERE entity_a IS NOT NULL;
CREATE INDEX change_row_by_entity_b ON change_row(entity_b) WHERE entity_b IS NOT NULL;

-- The rows a bulk import added to one table: ids first_id to last_id.
CREATE TABLE change_range (
    change_id INTEGER NOT NULL REFERENCES change(id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    first_id  INTEGER NOT NULL,
    last_id   INTEGER NOT NULL,
    PRIMARY KEY (change_id, tbl)
) WITHOUT ROWID;

-- The change being written: one row during a command's transaction, none otherwise.
CREATE TABLE change_context (
    change_id INTEGER NOT NULL
);

-- Keys of entities merged into others (`partnergraph merge KEEP OTHER`): the old key still
-- names the entity it was merged into.
CREATE TABLE merged_key (
    key       TEXT PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX merged_key_by_entity ON merged_key(entity_id);

-- Pairs of entities a person said are not the same (`partnergraph distinct A B`), smaller id
-- first: `duplicates` does not propose them, and `merge` asks for --force.
CREATE TABLE distinct_pair (
    entity_a INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    entity_b INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    PRIMARY KEY (entity_a, entity_b),
    CHECK (entity_a < entity_b)
) WITHOUT ROWID;
CREATE INDEX distinct_pair_by_b ON distinct_pair(entity_b);

CREATE TRIGGER history_entity_insert AFTER INSERT ON entity
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'entity', new.id, new.id, NULL,
        NULL,
        json_object('id', new.id, 'key', new.key, 'type', new.type, 'name', new.name, 'name_normalized', new.name_normalized, 'name_language', new.name_language, 'kind', new.kind, 'date', new.date, 'start_date', new.start_date, 'end_date', new.end_date, 'note', new.note, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;

CREATE TRIGGER history_entity_update AFTER UPDATE ON entity
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.key IS NOT new.key OR old.type IS NOT new.type OR old.name IS NOT new.name OR old.name_normalized IS NOT new.name_normalized OR old.name_language IS NOT new.name_language OR old.kind IS NOT new.kind OR old.date IS NOT new.date OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date OR old.note IS NOT new.note OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'entity', new.id, new.id, NULL,
        json_object('id', old.id, 'key', old.key, 'type', old.type, 'name', old.name, 'name_normalized', old.name_normalized, 'name_language', old.name_language, 'kind', old.kind, 'date', old.date, 'start_date', old.start_date, 'end_date', old.end_date, 'note', old.note, 'created_at', old.created_at, 'updated_at', old.updated_at),
        json_object('id', new.id, 'key', new.key, 'type', new.type, 'name', new.name, 'name_normalized', new.name_normalized, 'name_language', new.name_language, 'kind', new.kind, 'date', new.date, 'start_date', new.start_date, 'end_date', new.end_date, 'note', new.note, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;

CREATE TRIGGER history_entity_delete AFTER DELETE ON entity
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'entity', old.id, old.id, NULL,
        json_object('id', old.id, 'key', old.key, 'type', old.type, 'name', old.name, 'name_normalized', old.name_normalized, 'name_language', old.name_language, 'kind', old.kind, 'date', old.date, 'start_date', old.start_date, 'end_date', old.end_date, 'note', old.note, 'created_at', old.created_at, 'updated_at', old.updated_at),
        NULL);
END;

CREATE TRIGGER history_alias_insert AFTER INSERT ON alias
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'alias', new.id, new.entity_id, NULL,
        NULL,
        json_object('id', new.id, 'entity_id', new.entity_id, 'name', new.name, 'name_normalized', new.name_normalized, 'language', new.language));
END;

CREATE TRIGGER history_alias_update AFTER UPDATE ON alias
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.entity_id IS NOT new.entity_id OR old.name IS NOT new.name OR old.name_normalized IS NOT new.name_normalized OR old.language IS NOT new.language)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'alias', new.id, new.entity_id, NULL,
        json_object('id', old.id, 'entity_id', old.entity_id, 'name', old.name, 'name_normalized', old.name_normalized, 'language', old.language),
        json_object('id', new.id, 'entity_id', new.entity_id, 'name', new.name, 'name_normalized', new.name_normalized, 'language', new.language));
END;

CREATE TRIGGER history_alias_delete AFTER DELETE ON alias
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'alias', old.id, old.entity_id, NULL,
        json_object('id', old.id, 'entity_id', old.entity_id, 'name', old.name, 'name_normalized', old.name_normalized, 'language', old.language),
        NULL);
END;

CREATE TRIGGER history_attribute_insert AFTER INSERT ON attribute
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'attribute', json_array(new.entity_id, new.key), new.entity_id, NULL,
        NULL,
        json_object('entity_id', new.entity_id, 'key', new.key, 'value', new.value));
END;

CREATE TRIGGER history_attribute_update AFTER UPDATE ON attribute
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.entity_id IS NOT new.entity_id OR old.key IS NOT new.key OR old.value IS NOT new.value)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'attribute', json_array(new.entity_id, new.key), new.entity_id, NULL,
        json_object('entity_id', old.entity_id, 'key', old.key, 'value', old.value),
        json_object('entity_id', new.entity_id, 'key', new.key, 'value', new.value));
END;

CREATE TRIGGER history_attribute_delete AFTER DELETE ON attribute
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'attribute', json_array(old.entity_id, old.key), old.entity_id, NULL,
        json_object('entity_id', old.entity_id, 'key', old.key, 'value', old.value),
        NULL);
END;

CREATE TRIGGER history_relation_insert AFTER INSERT ON relation
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation', new.id, new.source_id, new.target_id,
        NULL,
        json_object('id', new.id, 'source_id', new.source_id, 'type', new.type, 'target_id', new.target_id, 'role', new.role, 'start_date', new.start_date, 'end_date', new.end_date, 'date', new.date, 'note', new.note, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;

CREATE TRIGGER history_relation_update AFTER UPDATE ON relation
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.source_id IS NOT new.source_id OR old.type IS NOT new.type OR old.target_id IS NOT new.target_id OR old.role IS NOT new.role OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date OR old.date IS NOT new.date OR old.note IS NOT new.note OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation', new.id, new.source_id, new.target_id,
        json_object('id', old.id, 'source_id', old.source_id, 'type', old.type, 'target_id', old.target_id, 'role', old.role, 'start_date', old.start_date, 'end_date', old.end_date, 'date', old.date, 'note', old.note, 'created_at', old.created_at, 'updated_at', old.updated_at),
        json_object('id', new.id, 'source_id', new.source_id, 'type', new.type, 'target_id', new.target_id, 'role', new.role, 'start_date', new.start_date, 'end_date', new.end_date, 'date', new.date, 'note', new.note, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;

CREATE TRIGGER history_relation_delete AFTER DELETE ON relation
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation', old.id, old.source_id, old.target_id,
        json_object('id', old.id, 'source_id', old.source_id, 'type', old.type, 'target_id', old.target_id, 'role', old.role, 'start_date', old.start_date, 'end_date', old.end_date, 'date', old.date, 'note', old.note, 'created_at', old.created_at, 'updated_at', old.updated_at),
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

CREATE TRIGGER history_source_insert AFTER INSERT ON source
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'source', new.id, NULL, NULL,
        NULL,
        json_object('id', new.id, 'key', new.key, 'title', new.title, 'publisher', new.publisher, 'url', new.url, 'published', new.published, 'language', new.language, 'text', new.text, 'created_at', new.created_at, 'updated_at', new.updated_at, 'text_hash', new.text_hash));
END;

CREATE TRIGGER history_source_update AFTER UPDATE ON source
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.key IS NOT new.key OR old.title IS NOT new.title OR old.publisher IS NOT new.publisher OR old.url IS NOT new.url OR old.published IS NOT new.published OR old.language IS NOT new.language OR old.text IS NOT new.text OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at OR old.text_hash IS NOT new.text_hash)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'source', new.id, NULL, NULL,
        json_object('id', old.id, 'key', old.key, 'title', old.title, 'publisher', old.publisher, 'url', old.url, 'published', old.published, 'language', old.language, 'text', old.text, 'created_at', old.created_at, 'updated_at', old.updated_at, 'text_hash', old.text_hash),
        json_object('id', new.id, 'key', new.key, 'title', new.title, 'publisher', new.publisher, 'url', new.url, 'published', new.published, 'language', new.language, 'text', new.text, 'created_at', new.created_at, 'updated_at', new.updated_at, 'text_hash', new.text_hash));
END;

CREATE TRIGGER history_source_delete AFTER DELETE ON source
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'source', old.id, NULL, NULL,
        json_object('id', old.id, 'key', old.key, 'title', old.title, 'publisher', old.publisher, 'url', old.url, 'published', old.published, 'language', old.language, 'text', old.text, 'created_at', old.created_at, 'updated_at', old.updated_at, 'text_hash', old.text_hash),
        NULL);
END;

CREATE TRIGGER history_relation_type_insert AFTER INSERT ON relation_type
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation_type', new.name, NULL, NULL,
        NULL,
        json_object('name', new.name, 'forward_phrase', new.forward_phrase, 'inverse_phrase', new.inverse_phrase, 'source_types', new.source_types, 'target_types', new.target_types, 'symmetric', new.symmetric, 'builtin', new.builtin, 'description', new.description));
END;

CREATE TRIGGER history_relation_type_update AFTER UPDATE ON relation_type
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.name IS NOT new.name OR old.forward_phrase IS NOT new.forward_phrase OR old.inverse_phrase IS NOT new.inverse_phrase OR old.source_types IS NOT new.source_types OR old.target_types IS NOT new.target_types OR old.symmetric IS NOT new.symmetric OR old.builtin IS NOT new.builtin OR old.description IS NOT new.description)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation_type', new.name, NULL, NULL,
        json_object('name', old.name, 'forward_phrase', old.forward_phrase, 'inverse_phrase', old.inverse_phrase, 'source_types', old.source_types, 'target_types', old.target_types, 'symmetric', old.symmetric, 'builtin', old.builtin, 'description', old.description),
        json_object('name', new.name, 'forward_phrase', new.forward_phrase, 'inverse_phrase', new.inverse_phrase, 'source_types', new.source_types, 'target_types', new.target_types, 'symmetric', new.symmetric, 'builtin', new.builtin, 'description', new.description));
END;

CREATE TRIGGER history_relation_type_delete AFTER DELETE ON relation_type
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'relation_type', old.name, NULL, NULL,
        json_object('name', old.name, 'forward_phrase', old.forward_phrase, 'inverse_phrase', old.inverse_phrase, 'source_types', old.source_types, 'target_types', old.target_types, 'symmetric', old.symmetric, 'builtin', old.builtin, 'description', old.description),
        NULL);
END;

CREATE TRIGGER history_draft_insert AFTER INSERT ON draft
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'draft', new.id, NULL, NULL,
        NULL,
        json_object('id', new.id, 'source_id', new.source_id, 'kind', new.kind, 'status', new.status, 'entity_type', new.entity_type, 'name', new.name, 'name_language', new.name_language, 'entity_kind', new.entity_kind, 'aliases', new.aliases, 'entity_key', new.entity_key, 'relation_type', new.relation_type, 'source_key', new.source_key, 'source_draft', new.source_draft, 'target_key', new.target_key, 'target_draft', new.target_draft, 'role', new.role, 'date', new.date, 'start_date', new.start_date, 'end_date', new.end_date, 'sentence', new.sentence, 'cue', new.cue, 'confidence', new.confidence, 'text_start', new.text_start, 'text_end', new.text_end, 'result_key', new.result_key, 'result_relation', new.result_relation, 'created_at', new.created_at, 'decided_at', new.decided_at));
END;

CREATE TRIGGER history_draft_update AFTER UPDATE ON draft
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.id IS NOT new.id OR old.source_id IS NOT new.source_id OR old.kind IS NOT new.kind OR old.status IS NOT new.status OR old.entity_type IS NOT new.entity_type OR old.name IS NOT new.name OR old.name_language IS NOT new.name_language OR old.entity_kind IS NOT new.entity_kind OR old.aliases IS NOT new.aliases OR old.entity_key IS NOT new.entity_key OR old.relation_type IS NOT new.relation_type OR old.source_key IS NOT new.source_key OR old.source_draft IS NOT new.source_draft OR old.target_key IS NOT new.target_key OR old.target_draft IS NOT new.target_draft OR old.role IS NOT new.role OR old.date IS NOT new.date OR old.start_date IS NOT new.start_date OR old.end_date IS NOT new.end_date OR old.sentence IS NOT new.sentence OR old.cue IS NOT new.cue OR old.confidence IS NOT new.confidence OR old.text_start IS NOT new.text_start OR old.text_end IS NOT new.text_end OR old.result_key IS NOT new.result_key OR old.result_relation IS NOT new.result_relation OR old.created_at IS NOT new.created_at OR old.decided_at IS NOT new.decided_at)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'draft', new.id, NULL, NULL,
        json_object('id', old.id, 'source_id', old.source_id, 'kind', old.kind, 'status', old.status, 'entity_type', old.entity_type, 'name', old.name, 'name_language', old.name_language, 'entity_kind', old.entity_kind, 'aliases', old.aliases, 'entity_key', old.entity_key, 'relation_type', old.relation_type, 'source_key', old.source_key, 'source_draft', old.source_draft, 'target_key', old.target_key, 'target_draft', old.target_draft, 'role', old.role, 'date', old.date, 'start_date', old.start_date, 'end_date', old.end_date, 'sentence', old.sentence, 'cue', old.cue, 'confidence', old.confidence, 'text_start', old.text_start, 'text_end', old.text_end, 'result_key', old.result_key, 'result_relation', old.result_relation, 'created_at', old.created_at, 'decided_at', old.decided_at),
        json_object('id', new.id, 'source_id', new.source_id, 'kind', new.kind, 'status', new.status, 'entity_type', new.entity_type, 'name', new.name, 'name_language', new.name_language, 'entity_kind', new.entity_kind, 'aliases', new.aliases, 'entity_key', new.entity_key, 'relation_type', new.relation_type, 'source_key', new.source_key, 'source_draft', new.source_draft, 'target_key', new.target_key, 'target_draft', new.target_draft, 'role', new.role, 'date', new.date, 'start_date', new.start_date, 'end_date', new.end_date, 'sentence', new.sentence, 'cue', new.cue, 'confidence', new.confidence, 'text_start', new.text_start, 'text_end', new.text_end, 'result_key', new.result_key, 'result_relation', new.result_relation, 'created_at', new.created_at, 'decided_at', new.decided_at));
END;

CREATE TRIGGER history_draft_delete AFTER DELETE ON draft
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'draft', old.id, NULL, NULL,
        json_object('id', old.id, 'source_id', old.source_id, 'kind', old.kind, 'status', old.status, 'entity_type', old.entity_type, 'name', old.name, 'name_language', old.name_language, 'entity_kind', old.entity_kind, 'aliases', old.aliases, 'entity_key', old.entity_key, 'relation_type', old.relation_type, 'source_key', old.source_key, 'source_draft', old.source_draft, 'target_key', old.target_key, 'target_draft', old.target_draft, 'role', old.role, 'date', old.date, 'start_date', old.start_date, 'end_date', old.end_date, 'sentence', old.sentence, 'cue', old.cue, 'confidence', old.confidence, 'text_start', old.text_start, 'text_end', old.text_end, 'result_key', old.result_key, 'result_relation', old.result_relation, 'created_at', old.created_at, 'decided_at', old.decided_at),
        NULL);
END;

CREATE TRIGGER history_merged_key_insert AFTER INSERT ON merged_key
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'merged_key', new.key, new.entity_id, NULL,
        NULL,
        json_object('key', new.key, 'entity_id', new.entity_id));
END;

CREATE TRIGGER history_merged_key_update AFTER UPDATE ON merged_key
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.key IS NOT new.key OR old.entity_id IS NOT new.entity_id)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'merged_key', new.key, new.entity_id, NULL,
        json_object('key', old.key, 'entity_id', old.entity_id),
        json_object('key', new.key, 'entity_id', new.entity_id));
END;

CREATE TRIGGER history_merged_key_delete AFTER DELETE ON merged_key
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'merged_key', old.key, old.entity_id, NULL,
        json_object('key', old.key, 'entity_id', old.entity_id),
        NULL);
END;

CREATE TRIGGER history_distinct_pair_insert AFTER INSERT ON distinct_pair
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'distinct_pair', json_array(new.entity_a, new.entity_b), new.entity_a, new.entity_b,
        NULL,
        json_object('entity_a', new.entity_a, 'entity_b', new.entity_b));
END;

CREATE TRIGGER history_distinct_pair_update AFTER UPDATE ON distinct_pair
    WHEN EXISTS (SELECT 1 FROM change_context)
    AND (old.entity_a IS NOT new.entity_a OR old.entity_b IS NOT new.entity_b)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'distinct_pair', json_array(new.entity_a, new.entity_b), new.entity_a, new.entity_b,
        json_object('entity_a', old.entity_a, 'entity_b', old.entity_b),
        json_object('entity_a', new.entity_a, 'entity_b', new.entity_b));
END;

CREATE TRIGGER history_distinct_pair_delete AFTER DELETE ON distinct_pair
    WHEN EXISTS (SELECT 1 FROM change_context)
BEGIN
    INSERT INTO change_row (change_id, tbl, row_key, entity_a, entity_b, before, after)
    VALUES ((SELECT change_id FROM change_context), 'distinct_pair', json_array(old.entity_a, old.entity_b), old.entity_a, old.entity_b,
        json_object('entity_a', old.entity_a, 'entity_b', old.entity_b),
        NULL);
END;
