using System.Globalization;
using Harness.Engine.Plans;
using Harness.Engine.Targets;

namespace Harness.Engine.Gates.Configuration;

/// <summary>
/// Reads the target's <c>/api/deprecations</c> and compares it field by field with the phase
/// configuration (and the sunset and docs URL with the contract data). Any difference fails the
/// gate, and the reason names every differing field.
/// </summary>
public sealed class ConfigurationConformanceGate : IGate
{
    private const string Measured = "configuration fields that differ from the phase (via GET /api/deprecations)";
    private static readonly string[] KnownParameters = ["checkContractData"];
    private readonly bool _checkContractData;

    private ConfigurationConformanceGate(bool checkContractData) => _checkContractData = checkContractData;

    /// <summary>Factory for the registry. Parameter <c>checkContractData</c> (default true) also compares sunset and docs URL.</summary>
    public static GateCreation Create(GateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (GateChecks.UnknownParameter(spec.Parameters, KnownParameters) is { } unknownParameter)
        {
            return GateCreation.Invalid(unknownParameter);
        }

        var check = !spec.Parameters.Json.TryGetProperty("checkContractData", out var c) || c.ValueKind != System.Text.Json.JsonValueKind.False;
        return GateCreation.Of(new ConfigurationConformanceGate(check));
    }

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold?.Text ?? "== 0";
        var read = await TargetProbe.ReadAsync(context.Http, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return GateResult.NotEvaluated(Measured, read.Error, threshold);
        }

        var expected = context.Phase.Configuration;
        var differences = expected.DifferencesFrom(read.Description.Configuration).ToList();
        var compared = 4 + expected.Overrides.Keys.Union(read.Description.Configuration.Overrides.Keys).Count();
        if (_checkContractData)
        {
            compared += 2;
            if (read.Description.Sunset != context.Rules.Data.Sunset)
            {
                differences.Add(new ConfigurationDifference("sunset", context.Rules.Data.Sunset, Show(read.Description.Sunset)));
            }

            if (read.Description.DocsUrl != context.Rules.Data.DocsUrl)
            {
                differences.Add(new ConfigurationDifference("docsUrl", context.Rules.Data.DocsUrl, Show(read.Description.DocsUrl)));
            }
        }

        var count = differences.Count;
        var pass = (context.Spec.Threshold ?? Threshold.Parse("== 0")).IsMetBy(count);
        var result = new GateResult
        {
            Status = pass ? GateStatus.Pass : GateStatus.Fail,
            Measured = Measured,
            Value = count,
            ValueText = count.ToString(CultureInfo.InvariantCulture),
            Threshold = threshold,
            SampleSize = compared,
            Reason = count == 0
                ? $"target runs the phase configuration: {read.Description.Configuration.Describe()}"
                : "configuration differs: " + string.Join("; ", differences),
        };
        return result.WithEvidence([.. differences.Select(d => new Evidence(d.Field, d.Expected, d.Actual))]);
    }

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;
}
