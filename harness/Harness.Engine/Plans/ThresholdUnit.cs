namespace Harness.Engine.Plans;

/// <summary>What a threshold's number measures; each gate kind takes exactly one.</summary>
public enum ThresholdUnit
{
    /// <summary>A plain number, written without a unit (<c>== 0</c>).</summary>
    Count,

    /// <summary>A share, written with <c>%</c> (<c>&lt; 1%</c>); a ratio written without it (<c>&lt; 1</c> would mean 100 %) is refused.</summary>
    Ratio,

    /// <summary>A time, written with <c>ms</c>, <c>us</c> or <c>s</c>.</summary>
    Duration,
}
