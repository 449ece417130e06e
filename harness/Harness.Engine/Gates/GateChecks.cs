using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>Checks every gate factory makes of its spec, with the same wording everywhere.</summary>
public static class GateChecks
{
    /// <summary>The error for the first parameter not in <paramref name="known"/>, or null.</summary>
    public static string? UnknownParameter(GateParameters parameters, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(known);
        return parameters.UnknownNames(known) is [var unknown, ..]
            ? $"unknown parameter '{unknown}' (allowed: {string.Join(", ", known)})"
            : null;
    }

    /// <summary>The error when the threshold is missing or not an upper limit (&lt; or &lt;=), or null.</summary>
    public static string? UpperLimit(GateSpec spec, string example)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Threshold is { Operator: ThresholdOperator.LessThan or ThresholdOperator.AtMost }
            ? null
            : $"{spec.Kind} needs an upper-limit threshold such as \"{example}\"";
    }
}
