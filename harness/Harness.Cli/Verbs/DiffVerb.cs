using System.CommandLine;
using System.Globalization;
using GoldenPayloads.Corpus;
using Harness.Cli.Targets;
using Harness.Engine.Diff;
using Harness.Engine.Gates;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using StageContract;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse diff --primary &lt;url&gt; --candidate &lt;url&gt; [--secondary &lt;url&gt;] ...</c>: a dual run. The
/// golden corpus, seeded generated requests and an optional capture go to every target; the candidate's
/// answers are compared with the primary's field by field, differences the secondary (a second primary)
/// also shows are noise, declared expectations are set apart. Exit 0 (no counted difference beyond the
/// threshold), 1 (differences), 2 (the share's interval straddles the threshold) or 3 (usage or target error).
/// </summary>
public static class DiffVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var primary = new Option<string>("--primary") { Description = "Base URL of the service as it runs now.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "Base URL of the service to compare with it.", Required = true };
        var secondary = new Option<string?>("--secondary") { Description = "Base URL of a second primary instance, to learn the noise; default none." };
        var output = new Option<string?>("--out") { Description = "Report directory; default reports/<UTC timestamp>-diff." };
        var plan = new Option<string?>("--plan") { Description = "A YAML plan whose 'diff:' section sets the rules; default the built-in defaults." };
        var capture = new Option<string?>("--capture") { Description = "A JSON-lines capture to replay as well." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated requests and request ids; default 1.", DefaultValueFactory = _ => 1 };
        var ignore = new Option<string[]>("--ignore") { Description = "A field not to compare ($.path, $..member, header:<Name>); repeat for more. Adds to the defaults and the plan's.", AllowMultipleArgumentsPerToken = false };
        var expect = new Option<string[]>("--expect") { Description = "An expected difference (unknown-stage, mode-header, deprecation-headers); repeat for more. Adds to the plan's.", AllowMultipleArgumentsPerToken = false };
        var writes = new Option<string?>("--writes") { Description = "reads-only (default: writes are not sent) or separate-stores (every target has its own store)." };
        writes.AcceptOnlyFromAmong("reads-only", "separate-stores");
        var requests = new Option<int?>("--requests") { Description = "Generated requests besides the golden corpus; default the plan's, else 200." };
        var command = new Command("diff", "Send the same traffic to a primary and a candidate and compare their answers field by field.")
        {
            primary, candidate, secondary, output, plan, capture, seed, ignore, expect, writes, requests,
        };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var urls = new List<Uri>();
            foreach (var (name, text) in new[] { ("--primary", parse.GetValue(primary)), ("--candidate", parse.GetValue(candidate)), ("--secondary", parse.GetValue(secondary)) })
            {
                if (text is null)
                {
                    continue;
                }

                if (TargetSession.ParseUrl(text) is not { } url)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"{name} must be an absolute http(s) URL, got '{text}'");
                }

                urls.Add(url);
            }

            var planPath = parse.GetValue(plan);
            var loaded = planPath is null ? null : PlanLoader.LoadFile(context.Resolve(planPath));
            var settings = loaded?.Diff ?? new DiffSettings();
            var extraIgnore = new List<IgnoreRule>();
            foreach (var text in parse.GetValue(ignore) ?? [])
            {
                if (IgnoreRule.Parse(text) is not { } rule)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"--ignore '{text}' is not a rule (a body path from '$' such as '$.items[*].id' or '$..createdAt', 'header:<Name>', 'status' or 'content-type')");
                }

                extraIgnore.Add(rule);
            }

            var extraExpect = new List<DiffExpectation>();
            foreach (var text in parse.GetValue(expect) ?? [])
            {
                if (DiffExpectations.Parse(text) is not { } expectation)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"--expect '{text}' is not one of {string.Join(", ", DiffExpectations.All.Select(e => e.Name))}");
                }

                extraExpect.Add(expectation);
            }

            settings = settings with
            {
                Ignore = [.. settings.Ignore, .. extraIgnore],
                Expect = [.. settings.Expect.Concat(extraExpect).Distinct()],
                Writes = parse.GetValue(writes) switch { "separate-stores" => DiffWrites.SeparateStores, "reads-only" => DiffWrites.ReadsOnly, _ => settings.Writes },
                Requests = parse.GetValue(requests) ?? settings.Requests,
            };
            if (settings.Problem() is { } problem)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, problem);
            }

            IReadOnlyList<CapturedRequest> captured = [];
            if (parse.GetValue(capture) is { } capturePath)
            {
                var (lines, error) = CapturedRequest.Load(context.Resolve(capturePath));
                if (error is not null)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, error);
                }

                captured = lines;
            }

            GoldenCorpus? corpus = null;
            if (settings.Golden)
            {
                try
                {
                    corpus = GoldenCorpus.Load(GoldenCorpus.DefaultDirectory, ContractRules.Default);
                }
                catch (GoldenCorpusException e)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, "cannot load the golden corpus: " + e.Message.Split('\n')[0]);
                }
            }

            var targets = new DiffTargets(urls[0], urls[1], urls.Count > 2 ? urls[2] : null);
            var seedValue = parse.GetValue(seed);
            var (report, failure) = await new DiffRunner(ContractRules.Default, settings, context.TimeProvider)
                .RunAsync(targets, seedValue, loaded?.Source ?? "defaults", corpus, captured, cancellationToken).ConfigureAwait(false);
            if (report is null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, failure!);
            }

            var directory = parse.GetValue(output) is { } o
                ? context.Resolve(o)
                : ReportFiles.DefaultDirectory(context.WorkingDirectory, report.StartedAt, "diff");
            await DiffReportFiles.WriteAllAsync(report, directory, cancellationToken).ConfigureAwait(false);
            Summarize(context.Output.Out, report, directory);
            return report.Judgement.Status switch
            {
                GateStatus.Pass => ExitCodes.Go,
                GateStatus.Inconclusive => ExitCodes.Hold,
                _ => ExitCodes.NoGo,
            };
        }, cancellationToken));
        return command;
    }

    private static void Summarize(TextWriter writer, DiffReport report, string directory)
    {
        var t = report.Traffic;
        writer.WriteLine($"diff: primary {report.Targets.Primary}, candidate {report.Targets.Candidate}, secondary {report.Targets.Secondary?.ToString() ?? "none (no noise learned)"}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sent {t.Sent} requests to each ({t.Golden} golden, {t.Generated} generated, {t.Capture} capture, seed {report.Seed}); writes {(report.Writes == DiffWrites.SeparateStores ? "sent (separate stores)" : $"not sent ({t.SkippedWrites} left out: reads only)")}"));
        foreach (var (title, @class) in new[] { ("differences", DiffClass.Counted), ("expected", DiffClass.Expected), ("noise", DiffClass.Noise) })
        {
            var groups = report.Of(@class);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}: {groups.Count} group(s), {groups.Sum(g => g.Count)} occurrence(s)"));
            foreach (var g in @class == DiffClass.Counted ? groups : groups.Take(5))
            {
                var example = g.Examples[0];
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {g.Endpoint} {g.Field} {g.Kind.ToString().ToLowerInvariant()} x{g.Count} (e.g. {example.Request}: {example.Primary ?? "absent"} -> {example.Candidate ?? "absent"})"));
            }
        }

        writer.WriteLine($"{DiffMarkdownWriter.Verdict(report.Judgement.Status)}: {report.Judgement.Reason}");
        writer.WriteLine($"reports: {directory}");
    }
}
