-- Orleans grain persistence on SQLite (ADO.NET invariant "System.Data.SQLite", which Orleans
-- loads as Microsoft.Data.Sqlite.SqliteFactory). Applied at every start-up, so every statement
-- is idempotent.
--
-- The contract with Orleans.Persistence.AdoNet: at silo start the provider reads the query texts
-- below from OrleansQuery by key and later runs them with these parameters (bound by name):
--   @GrainIdHash, @GrainTypeHash      hashes the provider computes, for a narrow lookup
--   @GrainIdN0, @GrainIdN1            the Guid or integer key (0 for string keys)
--   @GrainIdExtensionString           the string key or key extension (NULL when there is none)
--   @GrainTypeString, @ServiceId
--   @GrainStateVersion                ETag of the grain: NULL when it never stored state
--   @PayloadBinary                    the serialized state (System.Text.Json, see AddLowCodeStorage)
-- Reads return the columns PayloadBinary and Version. Writes return exactly one row with
-- NewGrainStateVersion: the new version, or NULL when the ETag was stale, which the provider
-- turns into an InconsistentStateException.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,     -- NULL after ClearStateAsync
    ModifiedOn             TEXT    NOT NULL, -- informational, UTC
    Version                INTEGER NOT NULL  -- the ETag
);

-- One row per grain. The unique index is both the lookup path (hashes first) and the guard that
-- lets exactly one of two racing first writes insert. NULLs are distinct in SQLite unique
-- indexes, so the nullable key column is indexed as (IS NULL, value).
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, GrainTypeString,
    GrainIdExtensionString IS NULL, ifnull(GrainIdExtensionString, ''), ServiceId
);

-- Query texts are upserted, so a new release replaces the text an older one stored.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS @GrainIdExtensionString
      AND ServiceId = @ServiceId;
'),
-- Each DML statement is atomic on its own and only one of them can match for a given ETag, so no
-- explicit transaction is needed. changes() reports the statement just before it, which is how
-- the NULL "conflict" row is produced only when that statement wrote nothing.
('WriteToStorageKey', '
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary,
        Version = Version + 1,
        ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS @GrainIdExtensionString
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;

    SELECT NULL AS NewGrainStateVersion
    WHERE @GrainStateVersion IS NOT NULL AND changes() = 0;

    INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
        GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @PayloadBinary, strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version AS NewGrainStateVersion;

    SELECT NULL AS NewGrainStateVersion
    WHERE @GrainStateVersion IS NULL AND changes() = 0;
'),
-- Clearing keeps the row (payload NULL, version + 1) so the ETag keeps counting up.
('ClearStorageKey', '
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        Version = Version + 1,
        ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now'')
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS @GrainIdExtensionString
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;

    SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
'),
-- Used instead of ClearStorageKey when AdoNetGrainStorageOptions.DeleteStateOnClear is set; the
-- provider expects the deleted version + 1 back.
('DeleteStorageKey', '
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS @GrainIdExtensionString
      AND ServiceId = @ServiceId
      AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;

    SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- LowCode's own grain storage for the "tickets" storage (LowCodeGrainStorage): one row per grain
-- state, written by the silo's group-commit writer in the same transaction as the read-model rows
-- the state brings along. version is the ETag (1 on insert, +1 per write or clear); state is the
-- System.Text.Json document, NULL after ClearStateAsync. Rows stored by earlier versions in
-- OrleansStorage are read when a grain has no row here, and move here on its next write.
CREATE TABLE IF NOT EXISTS lc_grain_state
(
    service_id TEXT    NOT NULL,
    grain_type TEXT    NOT NULL, -- the state name ([PersistentState("ticket", ...)])
    grain_id   TEXT    NOT NULL, -- the grain id as Orleans prints it: "ticket/T-1"
    version    INTEGER NOT NULL,
    state      TEXT    NULL,
    updated_at INTEGER NOT NULL, -- Unix milliseconds, informational
    PRIMARY KEY (service_id, grain_type, grain_id)
);
