using System.CommandLine;
using System.Text;
using Harness.Cli.Output;
using Harness.Engine.Reports;
using Harness.Engine.Sharding;
using Harness.Engine.Verdicts;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse merge &lt;shard files...&gt; [--out &lt;dir&gt;]</c>: merges the shard files of one load
/// exactly (a partial or mixed set is refused, exit 3), judges the phase's load gates on the merged
/// result with their own judgement, and writes the usual reports with the usual exit codes. Only the
/// load gates are judged.
/// </summary>
public static class MergeVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var files = new Argument<string[]>("shard files") { Description = "Every shard file of one load ('rehearse load --shard i/n'), n in all.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--out") { Description = "Report directory; default reports/<UTC timestamp>-<phase>-merged." };
        var command = new Command("merge", "Merge the shard files of one load and judge the phase's load gates on the merged result.") { files, output };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var shards = new List<LoadShardFile>();
            foreach (var name in parse.GetValue(files)!)
            {
                string json;
                try
                {
                    json = await File.ReadAllTextAsync(context.Resolve(name), Encoding.UTF8, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot read shard file '{name}': {e.Message}");
                }

                shards.Add(LoadShardJson.Read(json, name));
            }

            var outcome = new ShardMerge(context.Registry).Merge(shards);
            if (outcome.Report is not { } report)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"merge refused: {outcome.Refusal}");
            }

            var directory = parse.GetValue(output) is { } o
                ? context.Resolve(o)
                : ReportFiles.DefaultDirectory(context.WorkingDirectory, context.TimeProvider.GetUtcNow(), report.Phase + "-merged");
            await ReportFiles.WriteAllAsync(report, directory, cancellationToken).ConfigureAwait(false);
            context.Output.Out.WriteLine($"merged {shards.Count} shard(s) of {report.Phase} (seed {report.Seed}); judged its load gates only");
            VerdictPrinter.Print(context.Output, report, directory);
            return report.Verdict.ExitCode();
        }, cancellationToken));
        return command;
    }
}
