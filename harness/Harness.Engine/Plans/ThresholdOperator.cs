namespace Harness.Engine.Plans;

/// <summary>How a measured value is compared with a threshold.</summary>
public enum ThresholdOperator
{
    /// <summary><c>&gt;=</c></summary>
    AtLeast,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&lt;=</c></summary>
    AtMost,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>==</c> (within 1e-12, so that <c>== 100%</c> reads naturally).</summary>
    EqualTo,
}
