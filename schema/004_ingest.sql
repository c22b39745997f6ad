-- PartnerGraph schema, migration 004: ingesting articles, and the drafts that wait for review.
--
-- `partnergraph ingest` stores an article as a source (with its text and a fingerprint of it),
-- finds the entities it mentions and the facts it states, and records each proposed fact as a
-- draft. Nothing enters the graph until a person accepts a draft (`partnergraph review`);
-- accepting goes through the same code as `add` and `link`, and cites the article with the
-- sentence the draft came from.

-- The fingerprint of a source's text (FNV-1a, 64 bits, hex; a match is confirmed by comparing the texts), so that an article
-- registered twice is recognized and reused rather than stored again.
ALTER TABLE source ADD COLUMN text_hash TEXT;
CREATE INDEX source_by_text ON source(text_hash) WHERE text_hash IS NOT NULL;

-- A proposed entity or relation, with where it came from.
--
-- An entity draft proposes a new entity (entity_type, name, name_language, entity_kind, aliases as
-- a JSON array of {"name", "language"}, and dates). A relation draft proposes a relation whose
-- ends are each either an entity already in the graph, named by key (source_key, target_key; a key,
-- not a reference, so that a draft whose entity was removed since can say so), or an entity draft
-- of the same article (source_draft, target_draft), created when the relation is accepted.
CREATE TABLE draft (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('entity', 'relation')),
    status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    -- an entity draft
    entity_type   TEXT CHECK (entity_type IN ('organization', 'person', 'agreement', 'event', 'place')),
    name          TEXT,
    name_language TEXT,
    entity_kind   TEXT,
    aliases       TEXT,
    entity_key    TEXT,                          -- the key to give it, when a reviewer chose one
    -- a relation draft
    relation_type TEXT,
    source_key    TEXT,
    source_draft  INTEGER REFERENCES draft(id) ON DELETE CASCADE,
    target_key    TEXT,
    target_draft  INTEGER REFERENCES draft(id) ON DELETE CASCADE,
    role          TEXT,
    -- both
    date          TEXT,
    start_date    TEXT,
    end_date      TEXT,
    sentence      TEXT NOT NULL,                 -- the sentence it came from: the quote of its citation
    cue           TEXT,                          -- the words that suggested it
    confidence    REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    text_start    INTEGER,                       -- where in the article (Unicode scalar offsets)
    text_end      INTEGER,
    result_key    TEXT,                          -- the entity an accepted entity draft became
    result_relation INTEGER,                     -- the relation an accepted relation draft became
    created_at    TEXT NOT NULL,
    decided_at    TEXT,
    CHECK ((kind = 'entity') = (entity_type IS NOT NULL AND name IS NOT NULL)),
    CHECK ((kind = 'relation') = (relation_type IS NOT NULL)),
    CHECK (kind = 'entity' OR ((source_key IS NULL) <> (source_draft IS NULL) AND (target_key IS NULL) <> (target_draft IS NULL)))
);
CREATE INDEX draft_by_source ON draft(source_id, status);
CREATE INDEX draft_by_source_draft ON draft(source_draft) WHERE source_draft IS NOT NULL;
CREATE INDEX draft_by_target_draft ON draft(target_draft) WHERE target_draft IS NOT NULL;

-- Names compiled into matchers (see NameMatcher), kept so that a fresh `ingest` reads each in one
-- go instead of compiling a hundred thousand names again. Derived data, rebuilt when missing or
-- stale, by name:
--   'graph':     every entity's names. Stale when the entity or alias tables changed since (their
--                row counts and largest ids, in `fingerprint`, differ, or a change is queued in
--                search_pending, whose triggers see every write of a name); the code that empties
--                that queue, and the bulk import, delete it.
--   'gazetteer': the places built into PartnerGraph; `fingerprint` is a hash of their table.
CREATE TABLE name_matcher (
    name        TEXT PRIMARY KEY CHECK (name IN ('graph', 'gazetteer')),
    format      INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    data        BLOB NOT NULL
) WITHOUT ROWID;
