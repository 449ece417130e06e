using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Headers;
using StageContract.Modes;
using StageContract.Normalization;
using StageContract.Outcomes;

namespace Properties.Tests.Modes;

/// <summary>The decision table: <see cref="ModeDecider"/> (section 3) and <see cref="OutcomeTable"/> (section 4).</summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2000)]
public sealed class ModeDecisionTests
{
    private static readonly ModeDecider Decider = Generators.Contract.Rules.Decider;
    private static readonly DeprecationHeaders Headers = Generators.Contract.Rules.Headers;
    private static readonly StageNormalizer Normalizer = Generators.Contract.Rules.Normalizer;

    [Property]
    public void Decide_AgreesWithContractSteps(DecisionCase c) =>
        Assert.Equal(ReferenceDecision.Decide(c.Settings, c.Method, c.Route, c.RequestId), Decide(c));

    [Property]
    public void Decide_Off_NeverEmitsDeprecationHeaders(DecisionCase c)
    {
        var effective = Decide(c);
        if (ReferenceDecision.ModeBeforeBucket(c.Settings, c.Method, c.Route) == ValidationMode.Off)
        {
            Assert.Equal(EffectiveMode.Off, effective);
        }

        if (effective != EffectiveMode.Off)
        {
            return;
        }

        var (result, unknowns) = Classify(effective, c);
        Assert.NotEqual(ValidationResult.Reject, result);
        Assert.Empty(Headers.For(result, unknowns));
    }

    [Property]
    public void Classify_WarnOrShadow_NeverRejects(DecisionCase c)
    {
        foreach (var mode in new[] { EffectiveMode.Warn, EffectiveMode.Shadow })
        {
            var (result, unknowns) = Classify(mode, c);
            Assert.False(result.Rejects());
            Assert.Equal(unknowns.Count > 0, result.EmitsDeprecation());
            Assert.Equal(unknowns.Count > 0, Headers.For(result, unknowns).Count > 0);
        }
    }

    [Property]
    public void Classify_Enforce_RejectsExactlyWhenAStageIsUnknown(DecisionCase c)
    {
        var (result, unknowns) = Classify(EffectiveMode.Enforce, c);
        Assert.Equal(unknowns.Count > 0, result.Rejects());
        Assert.Empty(Headers.For(result, unknowns));
    }

    [Property]
    public void Decide_WriteOnly_EnforcesWritesInWarnAndWarnsReadsInEnforce(DecisionCase c)
    {
        var settings = c.Settings with { EnforceWriteOnly = true, EnforcementPercent = 100, DryRun = false };
        var configured = settings.Overrides.TryGetValue(c.Route, out var o) ? o : settings.GlobalMode;
        var write = ReferenceDecision.IsWrite(c.Method, c.Route);
        var effective = Decider.Decide(settings, c.Method, c.Route, c.RequestId);

        Assert.Equal(write, Decider.IsWrite(c.Method, c.Route));
        var expected = configured switch
        {
            ValidationMode.Off => EffectiveMode.Off,
            _ when write => EffectiveMode.Enforce,
            _ => EffectiveMode.Warn,
        };
        Assert.Equal(expected, effective);
    }

    [Property]
    public void Decide_Shadow_OnlyWhenDryRunAndModeWouldBeWarn(DecisionCase c)
    {
        var withoutDryRun = Decider.Decide(c.Settings with { DryRun = false }, c.Method, c.Route, c.RequestId);
        var shadow = Decide(c) == EffectiveMode.Shadow;

        Assert.Equal(c.Settings.DryRun && withoutDryRun == EffectiveMode.Warn, shadow);
        Assert.NotEqual(EffectiveMode.Shadow, withoutDryRun);
    }

    [Property]
    public void Classify_ValidPayload_IsOkOrNormalizedInEveryMode(DecisionCase c)
    {
        var stages = c.StageValues.Select(v => Normalizer.Normalize(v)).ToList();
        if (stages.Any(s => !s.IsKnown))
        {
            return;
        }

        var expected = stages.Any(s => s.Kind == StageKind.Alias) ? ValidationResult.Normalized : ValidationResult.Ok;
        foreach (var mode in Enum.GetValues<EffectiveMode>())
        {
            Assert.Equal(expected, OutcomeTable.Classify(mode, anyUnknown: false, stages.Any(s => s.Kind == StageKind.Alias)));
        }
    }

    private static EffectiveMode Decide(DecisionCase c) => Decider.Decide(c.Settings, c.Method, c.Route, c.RequestId);

    private static (ValidationResult Result, IReadOnlyList<string> Unknowns) Classify(EffectiveMode mode, DecisionCase c)
    {
        var stages = c.StageValues.Select(v => Normalizer.Normalize(v)).ToList();
        var unknowns = stages.Where(s => !s.IsKnown).Select(s => s.Raw.Display).ToList();
        var result = OutcomeTable.Classify(mode, unknowns.Count > 0, stages.Any(s => s.Kind == StageKind.Alias));
        return (result, unknowns);
    }

    public static class Arbitraries
    {
        public static Arbitrary<DecisionCase> Cases() => DecisionCase.Any.ToArbitrary();
    }
}
