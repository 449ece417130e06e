using GoldenPayloads.Modes;
using GoldenPayloads.Running;
using StageContract;
using StageContract.Modes;

namespace GoldenPayloads.Tests.Service;

/// <summary>Contract section 4: valid payloads get the same status and body in every mode.</summary>
[Collection(ReferenceServicesDefinition.Name)]
public sealed class ModeInvarianceTests(ReferenceServices services)
{
    private static readonly GoldenPayloads.Oracle.GoldenOracle Oracle = new(ContractRules.Default);

    /// <summary>Every case without an unknown stage: canonical, alias, payload errors, unknown fund.</summary>
    public static TheoryData<CorpusCase> ValidStages => CorpusCase.Where(c => Oracle.Expect(c, EffectiveMode.Enforce).Invalid.Count == 0);

    [Theory]
    [MemberData(nameof(ValidStages))]
    public async Task ValidStages_InEveryMode_SameStatusAndBody(CorpusCase golden)
    {
        var outcomes = new List<(GoldenMode Mode, ObservedOutcome Outcome)>();
        foreach (var mode in GoldenModes.All)
        {
            outcomes.Add((mode, await services.RunAsync(golden.Case, mode)));
        }

        var (firstMode, first) = outcomes[0];
        Assert.All(outcomes.Skip(1), o =>
        {
            Assert.True(first.Status == o.Outcome.Status, $"{golden.Id}: {firstMode.Name()} answered {first.Status}, {o.Mode.Name()} {o.Outcome.Status}");
            Assert.Equal(GoldenJson.Write(first.Body, indented: true), GoldenJson.Write(o.Outcome.Body, indented: true));
        });
        Assert.All(outcomes, o => Assert.Equal(["X-Stage-Mode"], o.Outcome.Headers.Keys.Where(k => k.StartsWith("X-Stage-", StringComparison.Ordinal) || k is "Deprecation" or "Sunset" or "Link")));
    }

    [Fact]
    public void ValidStages_CoversServedAndRejectedPayloads()
    {
        var ids = ValidStages.Cast<object[]>().Select(row => ((CorpusCase)row[0]).Id).ToList();

        Assert.Contains("monte-carlo/alias", ids);
        Assert.Contains("strategies/sum-outside-tolerance", ids);
        Assert.Contains("companies/unknown-fund", ids);
        Assert.DoesNotContain("allocations/unknown", ids);
    }
}
