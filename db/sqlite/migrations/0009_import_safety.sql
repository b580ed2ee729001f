-- Imports end in a clear state and never loop: attempts counts the starts of an import (a crash or an out-of-memory
-- kill in the middle leaves it 'running'; the next start tries again only while attempts is below the configured
-- limit). A valid file is applied in batches committed one by one so that other writers get in between them;
-- applied_rows is committed with each batch, so a stop in the middle resumes after the last batch, never twice.
-- error_count is every bad row found (errors lists at most 1000), created_names what the import created or,
-- in a dry run, would create (agencies and fields, asked for with createMissing).
ALTER TABLE imports ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN applied_rows INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN create_missing INTEGER NOT NULL DEFAULT 0 CHECK (create_missing IN (0, 1));
ALTER TABLE imports ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN created_names TEXT NULL;
ALTER TABLE imports ADD COLUMN upload_bytes INTEGER NOT NULL DEFAULT 0;
