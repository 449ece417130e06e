using System.Runtime.CompilerServices;
using GoldenPayloads.Corpus;
using GoldenPayloads.Modes;
using Snapshooter;
using Snapshooter.Xunit;

namespace GoldenPayloads.Tests.Service;

/// <summary>
/// One snapshot per payload (<c>__snapshots__/&lt;endpoint&gt;.&lt;archetype&gt;.snap</c>) holding its
/// outcome in off, warn, shadow, enforce and write-only side by side. Snapshots are reviewed like
/// code: a mismatch fails, a missing snapshot fails in CI (Snapshooter would otherwise create it and
/// pass), and behaviour that disagrees with the contract is never written to a snapshot.
/// </summary>
[Collection(ReferenceServicesDefinition.Name)]
public sealed class GoldenSnapshotTests(ReferenceServices services)
{
    public static TheoryData<CorpusCase> Cases => CorpusCase.Where(_ => true);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outcome_InEveryMode_MatchesSnapshot(CorpusCase golden)
    {
        var outcomes = new List<GoldenSnapshot.ModeOutcome>();
        var disagreements = new List<string>();
        foreach (var mode in GoldenModes.All)
        {
            var observed = await services.RunAsync(golden.Case, mode);
            disagreements.AddRange(services.Comparison.Compare(services.Expect(golden.Case, mode), observed).Select(d => $"{mode.Name()}: {d}"));
            outcomes.Add(GoldenSnapshot.ModeOutcome.From(mode, observed));
        }

        Assert.True(disagreements.Count == 0, $"not snapshotting {golden.Id}: the target disagrees with the contract:\n" + string.Join("\n", disagreements));
        var name = SnapshotName(golden);
        if (SnapshotPolicy.RunningInCi && !File.Exists(name.Path))
        {
            Assert.Fail($"snapshot {name.Path} is missing: run the tests locally, review the new snapshot and commit it (CI never creates snapshots)");
        }

        Snapshot.Match(new GoldenSnapshot(golden.Id, golden.Case.Description, outcomes), name.FullName);
    }

    private static (SnapshotFullName FullName, string Path) SnapshotName(CorpusCase golden, [CallerFilePath] string sourceFile = "")
    {
        var folder = SourceTree.FolderOf(sourceFile, "Service");
        var file = $"{golden.Case.Endpoint.FolderName()}.{golden.Case.Archetype}.snap";
        return (new SnapshotFullName(file, folder), System.IO.Path.Combine(folder, "__snapshots__", file));
    }
}
