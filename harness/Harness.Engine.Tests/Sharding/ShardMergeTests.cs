using Harness.Engine.Gates;
using Harness.Engine.Gates.Load;
using Harness.Engine.Reports;
using Harness.Engine.Sharding;
using Harness.Engine.Verdicts;
using Scenarios.Engine;

namespace Harness.Engine.Tests.Sharding;

/// <summary>
/// <c>rehearse merge</c>'s rules: shards of one whole load are merged and judged with the load gate's
/// own judgement; anything that cannot be merged exactly is refused with one line, never merged in part.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly ShardMerge Merger = new(BuiltInGates.Registry);

    [Fact]
    public void Merge_ThreeWholeShards_JudgesTheMergedResultWithTheGatesOwnJudgement()
    {
        var shards = ShardFiles.Load(3);
        var outcome = Merger.Merge(shards);

        var report = Assert.IsType<RehearsalReport>(outcome.Report);
        var merged = shards.Skip(1).Aggregate(shards[0].Gates[0].Result, (sum, s) => sum.Merge(s.Gates[0].Result));
        var expected = ShardFiles.Gate.Judge(merged, ShardFiles.Sustained.Threshold!);
        var gate = Assert.Single(report.Gates);
        Assert.Equal(GateStatus.Pass, expected.Status);
        Assert.Equal(expected.Status, gate.Status);
        Assert.Equal(expected.Value, gate.Value);
        Assert.Equal(4_500, gate.SampleSize);
        Assert.StartsWith(expected.Reason, gate.Reason, StringComparison.Ordinal);
        Assert.Contains("merged from 3 shard(s), whose loads started within 0.5s of each other", gate.Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.Go, report.Verdict);
        Assert.Contains("merge judged the load gates only", report.VerdictReason, StringComparison.Ordinal);
        Assert.Contains("not judged by merge: configuration, error-rate", report.VerdictReason, StringComparison.Ordinal);
        Assert.Equal(["shard 1/3 (shard-1.json)", "shard 2/3 (shard-2.json)", "shard 3/3 (shard-3.json)"], gate.Evidence.Select(e => e.Subject));
    }

    [Fact]
    public void Merge_WrongAnswersInOneShard_FailsTheMergedGateThoughEveryOtherShardIsClean()
    {
        var report = Merger.Merge(ShardFiles.Load(3, wrong: 100, wrongIn: 2)).Report!;
        Assert.Equal(GateStatus.Fail, report.Gates[0].Status);
        Assert.Contains("100 wrong statuses", report.Gates[0].Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.NoGo, report.Verdict);
    }

    [Fact]
    public void Merge_ShardsGivenInAnyOrder_GiveTheSameReport()
    {
        var shards = ShardFiles.Load(4);
        var forward = ReportJson.Write(Merger.Merge(shards).Report!);
        var backward = ReportJson.Write(Merger.Merge([.. shards.Reverse()]).Report!);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Merge_FilesWrittenAndReadBack_GiveTheSameReportAsInMemory()
    {
        var shards = ShardFiles.Load(3);
        var read = shards.Select(s => LoadShardJson.Read(LoadShardJson.Write(s), s.Source)).ToList();
        Assert.Equal(ReportJson.Write(Merger.Merge(shards).Report!), ReportJson.Write(Merger.Merge(read).Report!));
    }

    public static TheoryData<string, Func<IReadOnlyList<LoadShardFile>, IReadOnlyList<LoadShardFile>>, string> Refusals => new()
    {
        { "missing", s => [s[0], s[2]], "missing shard(s) 2/3: got 2 of 3; a partial set is never merged" },
        { "duplicate", s => [s[0], s[1], s[1], s[2]], "shard 2/3 given more than once (shard-2.json, shard-2.json)" },
        { "one of one alone", s => [s[0]], "missing shard(s) 2/3, 3/3" },
        { "other seed", s => [s[0], s[1], ShardFiles.Shard(new LoadShard(3, 3), seed: 2)], "(seed 1 vs 2)" },
        { "other count", s => [s[0], s[1], ShardFiles.Shard(new LoadShard(3, 4))], "(shard count 3 vs 4)" },
        { "other phase", s => [s[0], s[1], s[2] with { Phase = "enforce-50" }], "(phase enforce-100 vs enforce-50)" },
        { "other plan", s => [s[0], s[1], s[2] with { Plan = s[2].Plan with { Sha256 = "99" } }], "(plan sha256 ab12cd34ef56 vs 99)" },
        { "other harness", s => [s[0], s[1], s[2] with { Versions = s[2].Versions with { Harness = "2.0.0" } }], "(harness version 1.0.0 vs 2.0.0)" },
        { "other contract data", s => [s[0], s[1], s[2] with { Versions = s[2].Versions with { ContractDataSha256 = "beef" } }], "(contract data sha256 c0ffee vs beef)" },
        { "other target", s => [s[0], s[1], s[2] with { Target = s[2].Target with { BaseAddress = "http://other.test/" } }], "(target http://staging.test/ vs http://other.test/)" },
        { "other configuration", s => [s[0], s[1], s[2] with { Configuration = s[2].Configuration with { EnforcementPercent = 50 } }], "(configuration" },
        { "other threshold", s => [s[0], s[1], s[2] with { Gates = [s[2].Gates[0] with { Threshold = "< 1%" }] }], "(the load gates' ids, kinds, parameters or thresholds)" },
        { "incomplete shard", s => [s[0], s[1], Cut(s[2])], "shard-3.json: gate 'sustained-error-rate' step 'steady' sent or dropped 1499 of its 1500 requests: not a complete shard" },
        { "none", _ => [], "no shard files given" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Merge_SetsThatAreNotOneWholeLoad_AreRefusedWithOneLine(string why, Func<IReadOnlyList<LoadShardFile>, IReadOnlyList<LoadShardFile>> set, string reason)
    {
        var outcome = Merger.Merge(set(ShardFiles.Load(3)));
        Assert.Null(outcome.Report);
        Assert.Contains(reason, outcome.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', outcome.Refusal!);
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Merge_AGateThatIsNotALoadGate_IsRefused()
    {
        var shards = ShardFiles.Load(2).Select(s => s with { Gates = [s.Gates[0] with { Kind = "error-rate", Threshold = "< 1%", Parameters = default }] }).ToList();
        Assert.Equal("gate 'sustained-error-rate' (error-rate): not a load gate in this harness version", Merger.Merge(shards).Refusal);
    }

    [Theory]
    [InlineData("{", "shard-9.json: not a load shard file: ")]
    [InlineData("null", "shard-9.json: not a load shard file: the document is null")]
    [InlineData("""{"format": "something-else"}""", "shard-9.json: not a load shard file: ")]
    public void Read_NotAShardFile_IsAOneLineFormatError(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => LoadShardJson.Read(json, "shard-9.json"));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Read_AnotherFormatVersion_IsRefusedNamingIt()
    {
        var json = LoadShardJson.Write(ShardFiles.Load(1)[0]).Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => LoadShardJson.Read(json, "shard-1.json"));
        Assert.Equal("shard-1.json: formatVersion 2 is not supported (this harness reads 1)", error.Message);
    }

    [Fact]
    public void Read_AShardNumberOutOfRange_IsAFormatError()
    {
        var json = LoadShardJson.Write(ShardFiles.Load(1)[0]).Replace("\"index\": 1", "\"index\": 0", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LoadShardJson.Read(json, "shard-1.json"));
    }

    private static LoadShardFile Cut(LoadShardFile shard)
    {
        var gate = shard.Gates[0];
        var steps = gate.Result.Steps.Select(s => s.Name == "steady" ? s with { Sent = s.Sent - 1, Completed = s.Completed - 1 } : s).ToList();
        return shard with { Gates = [gate with { Result = gate.Result with { Steps = steps } }] };
    }
}
