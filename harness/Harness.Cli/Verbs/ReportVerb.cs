using System.CommandLine;
using System.Text;
using Harness.Engine.Reports;

namespace Harness.Cli.Verbs;

/// <summary><c>rehearse report &lt;report.json&gt; [--out &lt;dir&gt;]</c>: re-renders junit.xml, report.md and report.html.</summary>
public static class ReportVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("report.json") { Description = "A report.json written by 'rehearse'." };
        var output = new Option<string?>("--out") { Description = "Where to write; default the report's own directory." };
        var command = new Command("report", "Re-render the human reports from a report.json.") { file, output };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var path = context.Resolve(parse.GetValue(file)!);
            string json;
            try
            {
                json = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot read report '{path}': {e.Message}");
            }

            var report = ReportJson.Read(json, path);
            var directory = parse.GetValue(output) is { } o ? context.Resolve(o) : Path.GetDirectoryName(path)!;
            Directory.CreateDirectory(directory);
            var utf8 = new UTF8Encoding(false);
            var written = new List<string>();
            foreach (var (name, content) in ReportFiles.Rendered(report, withJson: false))
            {
                await File.WriteAllTextAsync(Path.Combine(directory, name), content, utf8, cancellationToken).ConfigureAwait(false);
                written.Add(name);
            }

            context.Output.Out.WriteLine($"{report.Phase}: {Harness.Engine.Verdicts.VerdictRules.ToDisplay(report.Verdict)}; wrote {string.Join(", ", written)} to {directory}");
            return ExitCodes.Go;
        }, cancellationToken));
        return command;
    }
}
