-- Musetag library schema, version 1. Applied once by Migrations; never edit an applied migration: add V2.
CREATE TABLE tracks (
  id           INTEGER PRIMARY KEY,
  path         TEXT    NOT NULL UNIQUE,
  size         INTEGER NOT NULL,
  mtime_ms     INTEGER NOT NULL,
  status       TEXT    NOT NULL,          -- ok | unreadable | missing
  problem      TEXT,                      -- why it is unreadable, in words
  format       TEXT,
  codec        TEXT,
  duration_s   REAL,
  sample_rate  INTEGER,
  channels     INTEGER,
  title        TEXT,
  artist       TEXT,
  album        TEXT,
  genre        TEXT,                      -- existing tag values, '; '-joined, as read at scan time
  mood         TEXT,
  tags_json    TEXT,                      -- every tag as read, for display
  scanned_at   INTEGER NOT NULL
);
CREATE INDEX tracks_status ON tracks(status);

-- Full-text search over what people type: artist, title, album, genre and mood (existing tags and Musetag's own),
-- and the file's path, for the many files whose tags are empty.
CREATE VIRTUAL TABLE tracks_fts USING fts5(artist, title, album, genre, mood, path, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE analyses (
  track_id        INTEGER NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
  model           TEXT    NOT NULL,       -- name@version
  top_genre       TEXT    NOT NULL,
  genres_json     TEXT    NOT NULL,       -- [{"label":..,"p":..}] most likely first
  quadrant        TEXT    NOT NULL,
  quadrants_json  TEXT    NOT NULL,
  valence         REAL    NOT NULL,
  arousal         REAL    NOT NULL,
  confidence      REAL    NOT NULL,
  embedding       BLOB    NOT NULL,       -- float32 little-endian
  source_size     INTEGER NOT NULL,       -- the file as it was when analysed
  source_mtime_ms INTEGER NOT NULL,
  analysed_at     INTEGER NOT NULL,
  PRIMARY KEY (track_id, model)
);
CREATE INDEX analyses_quadrant ON analyses(model, quadrant);

CREATE TABLE tag_batches (
  id          TEXT    PRIMARY KEY,
  created_at  INTEGER NOT NULL,
  model       TEXT,
  settings    TEXT    NOT NULL,           -- policy and fields, as JSON
  state       TEXT    NOT NULL,           -- running | done | cancelled | undone
  undone_at   INTEGER
);

-- Every change is written here before the file is touched (state 'planned'), then marked.
CREATE TABLE tag_journal (
  id          INTEGER PRIMARY KEY,
  batch_id    TEXT    NOT NULL REFERENCES tag_batches(id),
  path        TEXT    NOT NULL,
  field       TEXT    NOT NULL,
  old_json    TEXT    NOT NULL,
  new_json    TEXT    NOT NULL,
  state       TEXT    NOT NULL,           -- planned | written | failed | undone | undo_failed
  message     TEXT
);
CREATE INDEX tag_journal_batch ON tag_journal(batch_id, path);
