using System.Globalization;
using System.CommandLine;
using System.Text;
using Harness.Cli.Targets;
using Harness.Engine.Rehearsals;
using Harness.Engine.Sharding;
using Harness.Engine.Targets;
using Scenarios.Engine;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse load --phase &lt;name&gt; [--plan] [--target embedded|&lt;url&gt;] [--shard i/n] [--out &lt;file&gt;] [--seed]</c>:
/// runs one shard of the phase's load (the load of its load gates) and writes the raw results as a
/// shard file for <c>rehearse merge</c>. Judges nothing: exit 0 when the file is written.
/// </summary>
public static class LoadVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var phase = new Option<string>("--phase") { Description = "The phase whose load gates' load to run (see 'rehearse phases')." };
        var plan = new Option<string?>("--plan") { Description = "A YAML phase plan; default the built-in plan (contract section 11)." };
        var target = new Option<string>("--target")
        {
            Description = "'embedded' (default: the reference service in-process, in the phase's configuration; one per shard) or a base URL (every shard the same).",
            DefaultValueFactory = _ => RehearseVerb.Embedded,
        };
        var shard = new Option<string>("--shard")
        {
            Description = $"This shard, i/n with 1 <= i <= n <= {LoadShard.MaxCount} (numbered from 1): 1/n of the rate and the requests with global index i-1 mod n; default 1/1, the whole load.",
            DefaultValueFactory = _ => "1/1",
        };
        shard.Validators.Add(r =>
        {
            if (!LoadShard.TryParse(r.GetValue(shard), out _, out var error))
            {
                r.AddError($"--shard {error}");
            }
        });
        var output = new Option<string?>("--out") { Description = "The shard file to write; default shard-<i>-of-<n>.json." };
        var seed = new Option<int>("--seed") { Description = "Seed of all generated requests; default 1. Every shard of one load needs the same.", DefaultValueFactory = _ => 1 };
        var command = new Command("load", "Run one shard of a phase's load (its load gates) and write the raw results for 'rehearse merge'.") { phase, plan, target, shard, output, seed };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var loaded = RehearseVerb.LoadPlan(context, parse.GetValue(plan));
            var phaseName = parse.GetValue(phase);
            if (string.IsNullOrEmpty(phaseName))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--phase is required (phases: {string.Join(", ", loaded.Phases.Select(p => p.Name))})");
            }

            if (loaded.Find(phaseName) is not { } selected)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"unknown phase '{phaseName}' (plan {loaded.Source} has: {string.Join(", ", loaded.Phases.Select(p => p.Name))})");
            }

            var runner = new LoadShardRunner(context.Registry, context.TimeProvider);
            if (runner.LoadGates(selected).Count == 0)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"phase '{selected.Name}' has no load gate: none of its gates runs an open-model load, so there is nothing to shard");
            }

            if (!LoadShard.TryParse(parse.GetValue(shard), out var part, out var shardError))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--shard {shardError}");
            }

            var targetText = parse.GetValue(target)!;
            Uri? url = null;
            if (targetText != RehearseVerb.Embedded && (url = TargetSession.ParseUrl(targetText)) is null)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--target must be 'embedded' or an absolute http(s) URL, got '{targetText}'");
            }

            var path = context.Resolve(parse.GetValue(output) ?? string.Create(CultureInfo.InvariantCulture, $"shard-{part.Index}-of-{part.Count}.json"));
            var seedValue = parse.GetValue(seed);
            TargetSession session;
            try
            {
                session = url is null
                    ? await TargetSession.StartEmbeddedAsync(selected.Configuration, containers: false, new LegacyData(), seedValue, context.Output.Out, cancellationToken, context.Environment).ConfigureAwait(false)
                    : TargetSession.ForUrl(url, null, context.Environment);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ReferenceImpl.Api.Hosting.ConfigurationException or TimeoutException or ArgumentException)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot start the embedded reference service: {e.Message.Split('\n')[0]}");
            }

            await using (session.ConfigureAwait(false))
            {
                var probe = await TargetProbe.ReadAsync(session.Client, StageContract.ContractRules.Default.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
                if (probe.Unreachable)
                {
                    return context.Fail(ExitCodes.HarnessOrUsageError, $"target unreachable: {probe.Error}");
                }

                var request = new RehearsalRequest { Plan = loaded, Phase = selected, Http = session.Http, Client = session.Client, TargetKind = session.Kind, Seed = seedValue };
                var file = await runner.RunAsync(request, part, context.Output.Out, cancellationToken).ConfigureAwait(false);
                // Written beside and renamed into place: on a shared volume a merge waiting for the files never reads half of one.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path + ".partial", LoadShardJson.Write(file), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                File.Move(path + ".partial", path, overwrite: true);
                foreach (var gate in file.Gates)
                {
                    var steps = gate.Result.Steps;
                    context.Output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {gate.Id}: {gate.Schedule.Sum(s => s.Requests)} requests: sent {steps.Sum(s => s.Sent)}, dropped {steps.Sum(s => s.Dropped)}, answered {steps.Sum(s => s.Completed)}, {steps.Sum(s => s.TransportErrors)} transport failures, {steps.Sum(s => s.Late)} late"));
                }

                context.Output.Out.WriteLine($"shard {part} of {selected.Name} (seed {seedValue}): wrote {path}; merge all {part.Count} with 'rehearse merge'");
                return ExitCodes.Go;
            }
        }, cancellationToken));
        return command;
    }
}
