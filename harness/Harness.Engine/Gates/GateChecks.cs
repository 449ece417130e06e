using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>Checks every gate factory makes of its spec, with the same wording everywhere.</summary>
public static class GateChecks
{
    /// <summary>The error when the threshold is missing or not an upper limit (&lt; or &lt;=), or null.</summary>
    public static string? UpperLimit(GateSpec spec, string example)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Threshold is { Operator: ThresholdOperator.LessThan or ThresholdOperator.AtMost }
            ? null
            : $"{spec.Kind} needs an upper-limit threshold such as \"{example}\"";
    }

    /// <summary>The error when the spec's threshold (if any) is not written in <paramref name="unit"/>, or null.</summary>
    public static string? Unit(GateSpec spec, ThresholdUnit unit, string example)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Threshold is not { } threshold || threshold.Unit == unit)
        {
            return null;
        }

        return unit switch
        {
            ThresholdUnit.Ratio => $"{spec.Kind} measures a share: write its threshold with % (\"{threshold.Text}\" would be read as {threshold.Value * 100:0.###}%; for example \"{example}\")",
            ThresholdUnit.Duration => $"{spec.Kind} measures a time: write its threshold with ms, us or s (for example \"{example}\")",
            _ => $"{spec.Kind} measures a count: write its threshold without a unit (for example \"{example}\")",
        };
    }
}
