namespace Reelgate.Storage.Sqlite;

/// <summary>
/// What one checkpoint found: whether readers or a writer kept it from finishing, the log's length and how much of
/// it is in the database file (both in pages, -1 when it did not run), and whether writers waited for it (to let
/// the log start over).
/// </summary>
public sealed record CheckpointPass(bool Busy, long LogPages, long CopiedPages, bool WritersHeld);
