-- Musetag library schema, version 5: the tempo and key heard with each analysis (issue 15). Null for analyses from
-- before version 5 (heard again by the next analysis of the track) and where none could be heard.
ALTER TABLE analyses ADD COLUMN bpm REAL;
ALTER TABLE analyses ADD COLUMN bpm_confidence REAL;
ALTER TABLE analyses ADD COLUMN musical_key TEXT;
ALTER TABLE analyses ADD COLUMN key_confidence REAL;
