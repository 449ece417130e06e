using Harness.Engine.Diff;
using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Diff;

public sealed class DiffSectionTests
{
    private const string Phases = """
        phases:
          - name: p
            configuration: { mode: warn }
            gates:
              - { id: g, kind: golden-conformance }
        """;

    [Fact]
    public void Parse_DiffSection_ReadsEveryKey()
    {
        var plan = PlanLoader.Parse("""
            version: 1
            diff:
              ignore: ["$.results", "header:Sunset"]
              expect: unknown-stage
              writes: separate-stores
              threshold: "< 1%"
              confidence: 0.999
              requests: 50
              golden: false

            """ + Phases, "test", null);
        var diff = plan.Diff!;
        Assert.Equal(["$.results", "header:Sunset"], diff.Ignore.Select(r => r.Text));
        Assert.Equal([DiffExpectation.UnknownStage], diff.Expect);
        Assert.Equal((DiffWrites.SeparateStores, "< 1%", 0.999, 50, false), (diff.Writes, diff.Threshold.Text, diff.Confidence, diff.Requests, diff.Golden));
    }

    [Fact]
    public void Parse_NoDiffSection_LeavesTheDefaults() =>
        Assert.Null(PlanLoader.Parse("version: 1\n" + Phases, "test", null).Diff);

    [Theory]
    [InlineData("expect: [everything]", "diff: expect 'everything' is not one of unknown-stage, mode-header, deprecation-headers")]
    [InlineData("ignore: [items.id]", "diff: ignore 'items.id' is not a rule")]
    [InlineData("writes: shared", "diff: writes 'shared' must be reads-only or separate-stores")]
    [InlineData("threshold: \">= 1%\"", "must be an upper limit")]
    [InlineData("colour: red", "unknown diff key 'colour'")]
    public void Parse_BadDiffSection_IsAPlanErrorWithItsLine(string line, string message)
    {
        var error = Assert.Throws<PlanException>(() => PlanLoader.Parse("version: 1\ndiff:\n  " + line + "\n" + Phases, "test", null));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test:", error.Message, StringComparison.Ordinal);
    }
}
