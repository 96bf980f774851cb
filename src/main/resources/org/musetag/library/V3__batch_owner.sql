-- Musetag library schema, version 3: the process writing a tag batch (pid and start time), so that a batch whose
-- process died is shown as interrupted rather than running forever. Null for batches from before version 3.
ALTER TABLE tag_batches ADD COLUMN owner_pid INTEGER;
ALTER TABLE tag_batches ADD COLUMN owner_start_ms INTEGER;
