namespace Harness.Engine.Gates.Drills;

/// <summary>When the drill acted, in seconds from its start.</summary>
internal sealed class OutageTimes
{
    /// <summary>The break command was issued.</summary>
    public double BreakIssued { get; set; }

    /// <summary>The break command returned: Postgres is away from here.</summary>
    public double? Broken { get; set; }

    /// <summary>The repair command was issued: recovery is timed from here.</summary>
    public double RepairIssued { get; set; }

    /// <summary>The repair command returned.</summary>
    public double Repaired { get; set; }
}
