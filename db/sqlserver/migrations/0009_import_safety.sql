-- Imports end in a clear state and never loop: attempts counts the starts of an import (a crash or an out-of-memory
-- kill in the middle leaves it 'running'; the next start tries again only while attempts is below the configured
-- limit). A valid file is applied in batches committed one by one so that other writers get in between them;
-- applied_rows is committed with each batch, so a stop in the middle resumes after the last batch, never twice.
-- error_count is every bad row found (errors lists at most 1000), created_names what the import created or,
-- in a dry run, would create (agencies and fields, asked for with createMissing).
ALTER TABLE imports ADD
    attempts       INT           NOT NULL CONSTRAINT df_imports_attempts DEFAULT 0,
    applied_rows   INT           NOT NULL CONSTRAINT df_imports_applied DEFAULT 0,
    create_missing BIT           NOT NULL CONSTRAINT df_imports_create_missing DEFAULT 0,
    error_count    INT           NOT NULL CONSTRAINT df_imports_error_count DEFAULT 0,
    created_names  NVARCHAR(MAX) NULL,
    upload_bytes   BIGINT        NOT NULL CONSTRAINT df_imports_upload_bytes DEFAULT 0;
