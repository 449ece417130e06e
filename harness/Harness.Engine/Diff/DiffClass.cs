namespace Harness.Engine.Diff;

/// <summary>What a candidate difference counts as.</summary>
public enum DiffClass
{
    /// <summary>A real difference: it counts against the threshold.</summary>
    Counted,

    /// <summary>The primary and the secondary (two primaries) differ on the same endpoint and field too: noise.</summary>
    Noise,

    /// <summary>Covered by a declared expectation.</summary>
    Expected,
}
