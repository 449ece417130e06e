using Harness.Engine.Plans;

namespace Harness.Engine.Diff;

/// <summary>
/// How a dual-run diff is run and judged: the plan's <c>diff:</c> section, overridden by the command
/// line. Defaults and validation live here, once.
/// </summary>
public sealed record DiffSettings
{
    /// <summary>The default threshold: no request may differ.</summary>
    public const string DefaultThreshold = "== 0%";

    /// <summary>Ignore rules added to <see cref="IgnoreRule.Defaults"/>; default none.</summary>
    public IReadOnlyList<IgnoreRule> Ignore { get; init; } = [];

    /// <summary>Declared expected differences; default none.</summary>
    public IReadOnlyList<DiffExpectation> Expect { get; init; } = [];

    /// <summary>Whether writes are sent; default <see cref="DiffWrites.ReadsOnly"/>.</summary>
    public DiffWrites Writes { get; init; } = DiffWrites.ReadsOnly;

    /// <summary>
    /// The limit on the share of requests with a counted difference; default <c>== 0%</c> (any counted
    /// difference fails). With <c>&lt;</c> or <c>&lt;=</c> the share is judged by its Wilson score interval:
    /// Pass when the whole interval is under the limit, Fail when it is wholly over, else Inconclusive.
    /// </summary>
    public Threshold Threshold { get; init; } = Threshold.Parse(DefaultThreshold);

    /// <summary>Confidence of the score interval: 0.95, 0.99 or 0.999; default 0.99.</summary>
    public double Confidence { get; init; } = 0.99;

    /// <summary>Seeded generated requests sent besides the golden corpus; default 200, within 0..100000.</summary>
    public int Requests { get; init; } = 200;

    /// <summary>Whether the golden corpus is sent; default true.</summary>
    public bool Golden { get; init; } = true;

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Problem() =>
        Threshold.Unit != ThresholdUnit.Ratio ? $"diff threshold '{Threshold.Text}' must be a share (for example '< 1%')"
        : Threshold.Operator is not (ThresholdOperator.LessThan or ThresholdOperator.AtMost or ThresholdOperator.EqualTo) ? $"diff threshold '{Threshold.Text}' must be an upper limit ('<', '<=' or '== 0%')"
        : Threshold.Operator == ThresholdOperator.EqualTo && Threshold.Value != 0 ? $"diff threshold '{Threshold.Text}': '==' only as '== 0%'"
        : Gates.Statistics.Proportions.Z(Confidence) is null ? $"diff confidence {Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be 0.95, 0.99 or 0.999"
        : Requests is < 0 or > 100_000 ? $"diff requests {Requests.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be within 0..100000"
        : null;
}
