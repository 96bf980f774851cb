-- Musetag library schema, version 6: the version of the method that heard each analysis's tempo and key
-- (dsp.TempoKey.METHOD). Null for analyses from before version 6: their tempo and key are heard again, with the rest
-- of the analysis, by the next analysis of the track.
ALTER TABLE analyses ADD COLUMN tempo_key_method INTEGER;
