using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Harness.Engine.Plans;

/// <summary>
/// A gate's pass condition, written in a plan as text such as <c>&gt;= 99%</c>, <c>&lt; 0.5%</c>,
/// <c>&lt;= 5ms</c> or <c>== 1</c>. Percentages are stored as ratios and durations as seconds, so
/// a gate compares one number in base units.
/// </summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The bound in base units (a ratio for %, seconds for ms/s/us).</param>
/// <param name="Text">The threshold as the plan wrote it, normalized to one space after the operator.</param>
public sealed record Threshold(ThresholdOperator Operator, double Value, string Text)
{
    private const double Epsilon = 1e-12;

    /// <summary>What the number measures, read from the unit the plan wrote: % a ratio, ms/us/s a duration, none a count.</summary>
    public ThresholdUnit Unit => Text.EndsWith('%') ? ThresholdUnit.Ratio
        : Text.EndsWith("ms", StringComparison.Ordinal) || Text.EndsWith("us", StringComparison.Ordinal) || Text.EndsWith('s') ? ThresholdUnit.Duration
        : ThresholdUnit.Count;

    /// <summary>True when <paramref name="measured"/> satisfies the threshold.</summary>
    public bool IsMetBy(double measured) => Operator switch
    {
        ThresholdOperator.AtLeast => measured >= Value - Epsilon,
        ThresholdOperator.GreaterThan => measured > Value,
        ThresholdOperator.AtMost => measured <= Value + Epsilon,
        ThresholdOperator.LessThan => measured < Value,
        _ => Math.Abs(measured - Value) <= Epsilon,
    };

    /// <summary>Parses <c>&lt;op&gt; &lt;number&gt;[%|ms|us|s]</c>; false with a reason otherwise.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Threshold? threshold, [NotNullWhen(false)] out string? error)
    {
        threshold = null;
        var s = text?.Trim() ?? "";
        (ThresholdOperator op, int length)? parsed = s switch
        {
            _ when s.StartsWith(">=", StringComparison.Ordinal) => (ThresholdOperator.AtLeast, 2),
            _ when s.StartsWith("<=", StringComparison.Ordinal) => (ThresholdOperator.AtMost, 2),
            _ when s.StartsWith("==", StringComparison.Ordinal) => (ThresholdOperator.EqualTo, 2),
            _ when s.StartsWith('>') => (ThresholdOperator.GreaterThan, 1),
            _ when s.StartsWith('<') => (ThresholdOperator.LessThan, 1),
            _ => null,
        };
        if (parsed is not { } p)
        {
            error = $"threshold '{s}' must start with one of >=, >, <=, <, == (for example \">= 99%\")";
            return false;
        }

        var rest = s[p.length..].Trim();
        var (number, scale, unit) = rest switch
        {
            _ when rest.EndsWith('%') => (rest[..^1], 0.01, "%"),
            _ when rest.EndsWith("ms", StringComparison.Ordinal) => (rest[..^2], 0.001, "ms"),
            _ when rest.EndsWith("us", StringComparison.Ordinal) => (rest[..^2], 0.000001, "us"),
            _ when rest.EndsWith('s') => (rest[..^1], 1.0, "s"),
            _ => (rest, 1.0, ""),
        };
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            error = $"threshold '{s}' needs a number after the operator, optionally followed by %, ms, us or s";
            return false;
        }

        var op = s[..p.length];
        threshold = new Threshold(p.op, value * scale, $"{op} {number.Trim()}{unit}");
        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>; for code that writes thresholds as literals.</summary>
    public static Threshold Parse(string text) =>
        TryParse(text, out var t, out var error) ? t : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Text;
}
