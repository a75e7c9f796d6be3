"""The store's schema as an ordered list of named migrations.

Each migration is a name and the SQL that takes the schema from the state before it to the
state after it. Names are recorded in ``schema_migrations`` as they are applied, so a file
made by an older Dateline is brought up to date step by step and never re-migrated. A
migration, once released, is never edited: a change is a new migration at the end.

The layout is documented for people opening the file in any SQLite tool in ``docs/store.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MIGRATIONS", "Migration"]


@dataclass(frozen=True, slots=True)
class Migration:
    """One named, ordered schema step."""

    name: str
    sql: str


_CORE = """
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',  -- running | finished | interrupted
    targets TEXT NOT NULL,                   -- JSON list of the paths/URLs given
    added INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,                 -- content hash of text
    source TEXT,
    outlet TEXT,
    headline TEXT,
    standfirst TEXT,
    byline TEXT,
    published TEXT,                          -- YYYY-MM-DD
    language TEXT,
    text TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    run_id INTEGER REFERENCES ingest_runs(id),
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    titles TEXT NOT NULL DEFAULT '[]',       -- JSON list
    affiliations TEXT NOT NULL DEFAULT '[]', -- JSON list
    mention_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (article_id, actor_id, start, "end"),
    FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, id) ON DELETE CASCADE
);

CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,                            -- actors.id in the same article
    speaker_name TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    confidence REAL NOT NULL DEFAULT 0,
    UNIQUE (article_id, id)
);
CREATE INDEX quotes_speaker ON quotes(article_id, speaker);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,                      -- PLOVER event type
    mode TEXT,
    cameo TEXT,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    place TEXT,                              -- places.id in the same article
    date TEXT,                               -- dates.id in the same article
    status TEXT NOT NULL,
    confidence REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type ON events(type);

CREATE TABLE event_actors (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,                      -- actor | recipient
    position INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id, role, position),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX event_actors_actor ON event_actors(article_id, actor_id);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    country TEXT,
    latitude REAL,
    longitude REAL,
    feature TEXT,
    geonames_id INTEGER,
    confidence REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX places_name ON places(name);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    precision TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE inputs (
    key TEXT PRIMARY KEY,                    -- hash of source and raw content
    source TEXT NOT NULL,
    status TEXT NOT NULL,                    -- stored | rejected
    article_id TEXT REFERENCES articles(id) ON DELETE SET NULL,
    run_id INTEGER REFERENCES ingest_runs(id)
);

CREATE TABLE rejected (
    key TEXT PRIMARY KEY REFERENCES inputs(key) ON DELETE CASCADE,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    run_id INTEGER REFERENCES ingest_runs(id),
    rejected_at TEXT NOT NULL
);
"""

_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.pk, new.headline, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.pk, old.headline, old.text);
END;
INSERT INTO articles_fts(rowid, headline, text) SELECT pk, headline, text FROM articles;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_name, content='quotes', content_rowid='pk',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.pk, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name)
    VALUES ('delete', old.pk, old.text, old.speaker_name);
END;
INSERT INTO quotes_fts(rowid, text, speaker_name) SELECT pk, text, speaker_name FROM quotes;
"""

_CANONICAL = """
CREATE TABLE canonical_actors (
    id TEXT PRIMARY KEY,                     -- hash of the first name it was created under
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    surname TEXT,                            -- lower-cased last name word (persons)
    first_name TEXT,                         -- lower-cased first name word, when seen
    name_key TEXT NOT NULL,                  -- normalised name that non-persons match on
    created_at TEXT NOT NULL
);
CREATE INDEX canonical_actors_surname ON canonical_actors(type, surname);
CREATE INDEX canonical_actors_key ON canonical_actors(type, name_key);

ALTER TABLE actors ADD COLUMN canonical_id TEXT REFERENCES canonical_actors(id);
CREATE INDEX actors_canonical ON actors(canonical_id);

CREATE TABLE actor_links (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    canonical_id TEXT NOT NULL REFERENCES canonical_actors(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,                      -- new | full-name | surname | title | ... | user
    evidence TEXT NOT NULL,                  -- JSON object
    by_user INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, id) ON DELETE CASCADE
);
CREATE INDEX actor_links_actor ON actor_links(article_id, actor_id);
"""

# What cleaning did, so a stored article maps back to its input as the extracted one does;
# which process ran an ingest, so a run killed without a word can be told from a live one.
_PROVENANCE = """
ALTER TABLE articles ADD COLUMN cleaning TEXT;  -- JSON; NULL for articles stored before 0004
ALTER TABLE ingest_runs ADD COLUMN pid INTEGER;
ALTER TABLE ingest_runs ADD COLUMN host TEXT;
-- Co-occurrence evidence looks up an actor's articles by canonical id.
DROP INDEX actors_canonical;
CREATE INDEX actors_canonical ON actors(canonical_id, article_id);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_core_tables", _CORE),
    Migration("0002_full_text_indexes", _FTS),
    Migration("0003_canonical_actors", _CANONICAL),
    Migration("0004_cleaning_run_owner_and_links", _PROVENANCE),
)
