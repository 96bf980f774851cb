-- Musetag library schema, version 4: one home for embeddings. Up to version 3 the backbone's embedding of a file was
-- kept twice, in analyses (library tracks) and in embedding_cache (files heard for training), so the same vector of
-- the same file could be stored two times. Now it lives here only, one row per file and backbone model, stamped
-- with the file's size and mtime when it was heard; analyses and embedding_cache keep the rest of what was heard.
CREATE TABLE embeddings (
  path            TEXT    NOT NULL,
  model           TEXT    NOT NULL,       -- name@version of the backbone
  size            INTEGER NOT NULL,       -- the file as it was when it was heard
  mtime_ms        INTEGER NOT NULL,
  embedding       BLOB    NOT NULL,       -- float32 little-endian
  PRIMARY KEY (path, model)
);
-- Both old homes, oldest first, so where they disagree on a file the newer hearing is the one kept.
INSERT OR REPLACE INTO embeddings(path, model, size, mtime_ms, embedding)
  SELECT path, model, size, mtime_ms, embedding FROM (
    SELECT path, model, size, mtime_ms, embedding, cached_at AS heard_at FROM embedding_cache
    UNION ALL
    SELECT t.path, a.model, a.source_size, a.source_mtime_ms, a.embedding, a.analysed_at
      FROM analyses a JOIN tracks t ON t.id = a.track_id)
  ORDER BY heard_at;
ALTER TABLE embedding_cache DROP COLUMN embedding;
ALTER TABLE analyses DROP COLUMN embedding;
