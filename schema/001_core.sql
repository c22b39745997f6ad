-- PartnerGraph schema, migration 001: the core graph.
--
-- This folder is the single source of truth for the database. Each file is one migration,
-- applied in order of its number, once, inside one transaction; PRAGMA user_version holds
-- the number of the last one applied. Files are append-only: change the schema by adding
-- a new file, never by editing one that has shipped.
--
-- Dates are TEXT in the form they were written: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.
-- Timestamps are TEXT, ISO 8601 in UTC. Names are stored as written, with a normalized
-- copy (case-folded, Latin diacritics and Arabic variants folded) for look-up.

-- The graph's nodes: organizations, people, agreements, events, places.
CREATE TABLE entity (
    id              INTEGER PRIMARY KEY,
    key             TEXT NOT NULL UNIQUE,          -- stable slug, e.g. 'icesco'
    type            TEXT NOT NULL CHECK (type IN ('organization', 'person', 'agreement', 'event', 'place')),
    name            TEXT NOT NULL CHECK (name <> ''),
    name_normalized TEXT NOT NULL,
    name_language   TEXT,                          -- language tag of the primary name
    kind            TEXT,                          -- free: igo, state, parliament, city, ...
    date            TEXT,                          -- when it happened, as one date
    start_date      TEXT,
    end_date        TEXT,
    note            TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX entity_by_normalized_name ON entity(name_normalized);
CREATE INDEX entity_by_type ON entity(type, key);

-- Other names of an entity, each with its language tag ('ar', 'en', 'fr', ...; NULL if unknown).
CREATE TABLE alias (
    id              INTEGER PRIMARY KEY,
    entity_id       INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    name            TEXT NOT NULL CHECK (name <> ''),
    name_normalized TEXT NOT NULL,
    language        TEXT,
    UNIQUE (entity_id, name)
);
CREATE INDEX alias_by_normalized_name ON alias(name_normalized);

-- Free key=value attributes of an entity.
CREATE TABLE attribute (
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    key       TEXT NOT NULL CHECK (key <> ''),
    value     TEXT NOT NULL,
    PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;

-- The relation vocabulary. source_types and target_types are comma-separated entity types.
-- builtin = 1 for the types seeded here; users add their own with `partnergraph vocab add`.
CREATE TABLE relation_type (
    name           TEXT PRIMARY KEY,
    forward_phrase TEXT NOT NULL,                  -- reads source -> target: 'heads'
    inverse_phrase TEXT NOT NULL,                  -- reads target -> source: 'headed by'
    source_types   TEXT NOT NULL,
    target_types   TEXT NOT NULL,
    symmetric      INTEGER NOT NULL DEFAULT 0 CHECK (symmetric IN (0, 1)),
    builtin        INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    description    TEXT
) WITHOUT ROWID;

INSERT INTO relation_type (name, forward_phrase, inverse_phrase, source_types, target_types, symmetric, builtin, description) VALUES
    ('heads',           'heads',              'headed by',            'person',                         'organization,event',                0, 1, 'leads an organization or an event; the role names the office'),
    ('works_for',       'works for',          'employs',              'person',                         'organization',                      0, 1, 'is employed by or serves in'),
    ('member_of',       'member of',          'has member',           'person,organization',            'organization',                      0, 1, 'is a full member of'),
    ('observer_of',     'observer of',        'has observer',         'person,organization',            'organization',                      0, 1, 'holds observer status in'),
    ('part_of',         'part of',            'has part',             'organization,event,place,agreement', 'organization,event,place,agreement', 0, 1, 'is a unit, component or session of'),
    ('partner_of',      'partner of',         'partner of',           'organization,person',            'organization,person',               1, 1, 'is in partnership with'),
    ('party_to',        'party to',           'has party',            'organization,person',            'agreement',                         0, 1, 'is a party to an agreement'),
    ('signed',          'signed',             'signed by',            'person,organization',            'agreement',                         0, 1, 'signed an agreement'),
    ('participated_in', 'participated in',    'had participant',      'person,organization',            'event',                             0, 1, 'took part in'),
    ('organized',       'organized',          'organized by',         'organization,person',            'event',                             0, 1, 'organized or runs'),
    ('co_organized',    'co-organized',       'co-organized by',      'organization,person',            'event',                             0, 1, 'organized together with other co-organizers'),
    ('held_in',         'held in',            'hosted',               'event,agreement',                'place',                             0, 1, 'took place in'),
    ('located_in',      'located in',         'location of',          'organization,place',             'place,organization',                0, 1, 'is situated in; a place may be located in a state'),
    ('implements',      'implements',         'implemented through',  'event,agreement,organization',   'agreement',                         0, 1, 'is carried out under an agreement');

-- The graph's edges. A relation may carry a period (start_date, end_date) or a point in time (date).
CREATE TABLE relation (
    id         INTEGER PRIMARY KEY,
    source_id  INTEGER NOT NULL REFERENCES entity(id),
    type       TEXT NOT NULL REFERENCES relation_type(name),
    target_id  INTEGER NOT NULL REFERENCES entity(id),
    role       TEXT,
    start_date TEXT,
    end_date   TEXT,
    date       TEXT,
    note       TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- A relation's identity: the same source, type, target, role, start and date is the same fact.
-- It also serves outgoing traversal (source_id first).
CREATE UNIQUE INDEX relation_identity ON relation(source_id, type, target_id, ifnull(role, ''), ifnull(start_date, ''), ifnull(date, ''));
-- Incoming traversal.
CREATE INDEX relation_by_target ON relation(target_id, type, source_id);
CREATE INDEX relation_by_type ON relation(type);

-- Documents that facts cite.
CREATE TABLE source (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    publisher  TEXT,
    url        TEXT,
    published  TEXT,
    language   TEXT,
    text       TEXT,                               -- the document's text, when stored
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A citation ties one entity or one relation to a source, with an optional quote.
CREATE TABLE citation (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES source(id),
    entity_id   INTEGER REFERENCES entity(id) ON DELETE CASCADE,
    relation_id INTEGER REFERENCES relation(id) ON DELETE CASCADE,
    quote       TEXT,
    CHECK ((entity_id IS NULL) <> (relation_id IS NULL))
);
CREATE UNIQUE INDEX citation_identity ON citation(source_id, ifnull(entity_id, 0), ifnull(relation_id, 0), ifnull(quote, ''));
CREATE INDEX citation_by_entity ON citation(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX citation_by_relation ON citation(relation_id) WHERE relation_id IS NOT NULL;
