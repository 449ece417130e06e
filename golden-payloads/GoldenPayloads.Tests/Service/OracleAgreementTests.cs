using GoldenPayloads.Modes;

namespace GoldenPayloads.Tests.Service;

[Collection(ReferenceServicesDefinition.Name)]
public sealed class OracleAgreementTests(ReferenceServices services)
{
    public static TheoryData<CorpusCase> Cases => CorpusCase.Where(_ => true);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outcome_InEveryMode_AgreesWithTheOracle(CorpusCase golden)
    {
        var failures = new List<string>();
        foreach (var mode in GoldenModes.All)
        {
            var observed = await services.RunAsync(golden.Case, mode);
            var expected = services.Expect(golden.Case, mode);
            failures.AddRange(services.Comparison.Compare(expected, observed).Select(d => $"{mode.Name()} ({expected.Reason}): {d}"));
        }

        Assert.True(failures.Count == 0, $"{golden.Id} disagrees with the contract:\n" + string.Join("\n", failures));
    }
}
