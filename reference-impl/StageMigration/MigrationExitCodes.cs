namespace StageMigration;

/// <summary>One exit code per cause (the README of the tool lists them).</summary>
public static class MigrationExitCodes
{
    /// <summary>The command did what was asked (verify: every invariant holds).</summary>
    public const int Ok = 0;

    /// <summary>verify: an invariant does not hold (the report names it).</summary>
    public const int VerifyFailed = 1;

    /// <summary>Bad usage or configuration (unknown option, missing connection string, bad number).</summary>
    public const int Usage = 2;

    /// <summary>The database could not be reached or answered with an error outside a batch.</summary>
    public const int DatabaseError = 3;

    /// <summary>apply/resume: a batch failed; it is recorded in <c>stage_migration_failures</c> and <c>resume</c> retries it.</summary>
    public const int BatchFailed = 4;

    /// <summary>restore: the snapshot does not match its SHA-256 sidecar (or the sidecar is missing); nothing was restored.</summary>
    public const int ChecksumMismatch = 5;

    /// <summary>rollback: some rows were changed after the migration and were left as they are (listed).</summary>
    public const int RollbackConflicts = 6;

    /// <summary>The migration state forbids the command: an unfinished run blocks apply, nothing to resume or roll back, another migration process holds the lock, a generate target that is not empty.</summary>
    public const int StateConflict = 7;

    /// <summary>A tool the command needs (pg_dump, pg_restore) is missing or failed.</summary>
    public const int ExternalToolFailed = 8;
}
