-- Musetag library schema, version 2: what the bundled backbone heard in files that are not (necessarily) in the
-- library, so training a head a second time on the same folders does not decode and listen again.
-- One row per file and backbone model; it is current while the file's size and mtime match.
CREATE TABLE embedding_cache (
  path            TEXT    NOT NULL,
  model           TEXT    NOT NULL,       -- name@version of the backbone
  size            INTEGER NOT NULL,       -- the file as it was when it was heard
  mtime_ms        INTEGER NOT NULL,
  sha256          TEXT    NOT NULL,       -- content hash, for duplicate detection
  embedding       BLOB    NOT NULL,       -- float32 little-endian, 128 values
  genres_json     TEXT    NOT NULL,       -- the backbone's own outputs, for comparing it with a new head
  quadrants_json  TEXT    NOT NULL,
  valence         REAL    NOT NULL,
  arousal         REAL    NOT NULL,
  cached_at       INTEGER NOT NULL,
  PRIMARY KEY (path, model)
);
