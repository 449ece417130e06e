namespace Harness.Engine.Gates.Migration;

/// <summary>The parameters of the migration-verify gate: none.</summary>
public sealed record MigrationVerifyOptions;
