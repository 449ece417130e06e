namespace Harness.Engine.Gates.Drills;

/// <summary>Where a stage request of a dependency drill was sent, against the outage.</summary>
public enum OutageWindow
{
    /// <summary>Before the dependency was taken away.</summary>
    Before,

    /// <summary>From the start of the break until the repair finished.</summary>
    During,

    /// <summary>After the repair.</summary>
    After,
}
