using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.Migration;

/// <summary>The parameters of the migration-rehearsal gate, with their defaults and ranges (<see cref="GateParameterAttribute"/>).</summary>
public sealed record MigrationRehearsalOptions
{
    /// <summary>Rows per migration batch; default 5,000.</summary>
    [GateParameter("rows per migration batch", Min = 1, Max = 1_000_000)]
    public int BatchSize { get; init; } = 5_000;

    /// <summary>Milliseconds the killed run pauses after each batch, so that the kill lands mid-run; default 100.</summary>
    [GateParameter("milliseconds the killed run pauses after each batch, so that the kill lands mid-run", Min = 0, Max = 60_000)]
    public int SleepMs { get; init; } = 100;

    /// <summary>Seconds the restore of the snapshot may take; default 300.</summary>
    [GateParameter("seconds the restore of the snapshot may take", Min = 1, Max = 86_400)]
    public int RestoreBudgetSeconds { get; init; } = 300;

    /// <summary>What the database holds at the end; default rolled-back.</summary>
    [GateParameter("what the database holds at the end", Choices = ["rolled-back", "migrated"])]
    public string Leave { get; init; } = "rolled-back";

    /// <summary>Fund of the smoke test on the migrated data; default 1.</summary>
    [GateParameter("fund of the smoke test on the migrated data", Min = 1, Max = int.MaxValue)]
    public int SmokeFund { get; init; } = 1;
}
