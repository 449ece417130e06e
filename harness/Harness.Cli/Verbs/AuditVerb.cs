using System.CommandLine;
using System.Globalization;
using Harness.Engine.Audit;
using StageContract;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse audit --log &lt;file&gt; [--format json|combined] [--client ip|ua|header:&lt;name&gt;] [--field key=name]...
/// [--phase &lt;name&gt;] [--plan &lt;file&gt;] [--max-share X] [--max-client-share X] [--out &lt;dir&gt;]</c>: the consumer audit of an
/// access log (issue 14). Exit 0 when every limit given is met (or none is given), 1 when one is not shown to be met
/// (above it, or not yet told apart from it: fail-closed), 3 for bad options and unreadable files.
/// </summary>
public static class AuditVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var log = new Option<string>("--log") { Description = "The access log to audit (JSON lines or combined log format).", Required = true };
        var format = new Option<string>("--format") { Description = "json (default; the capture format with configurable fields) or combined (nginx/Apache).", DefaultValueFactory = _ => "json" };
        var client = new Option<string>("--client") { Description = "What identifies a client: ip (default), ua, or header:<name> (JSON lines), e.g. header:X-Api-Key.", DefaultValueFactory = _ => "ip" };
        var fields = new Option<string[]>("--field") { Description = "JSON field names, key=name (dotted for nested): method, path, body, requestId, ip, userAgent, headers, client.", AllowMultipleArgumentsPerToken = false };
        var phase = new Option<string>("--phase") { Description = "The phase whose configuration decides would-reject; default shadow.", DefaultValueFactory = _ => "shadow" };
        var plan = new Option<string?>("--plan") { Description = "A YAML phase plan; default the built-in plan." };
        var measure = new Option<string>("--measure") { Description = "The share the limits apply to: unknown (default) or would-reject.", DefaultValueFactory = _ => "unknown" };
        var maxShare = new Option<string?>("--max-share") { Description = "Upper limit of the share over all clients, e.g. 0.5% or 0.005; default none." };
        var maxClientShare = new Option<string?>("--max-client-share") { Description = "Upper limit of any one client's share, e.g. 1%; default none." };
        var minClient = new Option<int>("--min-client-samples") { Description = "Validated requests a client needs to be judged; default 1.", DefaultValueFactory = _ => 1 };
        var maxClients = new Option<int>("--max-clients") { Description = "Distinct clients tracked one by one (later ones share an 'other clients' bucket); default 10000.", DefaultValueFactory = _ => 10_000 };
        var top = new Option<int>("--top") { Description = "Top unknown raw values listed per client; default 5.", DefaultValueFactory = _ => 5 };
        var confidence = new Option<double>("--confidence") { Description = "Confidence of the Wilson intervals: 0.95 (default), 0.99 or 0.999.", DefaultValueFactory = _ => 0.95 };
        var seed = new Option<int>("--seed") { Description = "Seed of request ids for requests logged without one; default 1.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Report directory; default reports/<UTC timestamp>-audit." };
        var command = new Command("audit", "Audit an access log per client: unknown and would-reject shares with intervals, offending values, endpoints.")
        {
            log, format, client, fields, phase, plan, measure, maxShare, maxClientShare, minClient, maxClients, top, confidence, seed, output,
        };
        command.SetAction((parse, cancellationToken) => VerbRunner.RunAsync(context, async () =>
        {
            var formatValue = parse.GetValue(format) switch
            {
                "json" => AccessLogFormat.Json,
                "combined" => AccessLogFormat.Combined,
                var other => (AccessLogFormat?)null,
            };
            if (formatValue is not { } logFormat)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--format '{parse.GetValue(format)}': expected json or combined");
            }

            if (ClientKey.Parse(parse.GetValue(client)) is not { } key)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--client '{parse.GetValue(client)}': expected ip, ua or header:<name>");
            }

            var names = new JsonFieldNames();
            foreach (var assignment in parse.GetValue(fields) ?? [])
            {
                names = names.With(assignment);
            }

            var options = new AuditOptions
            {
                Client = key,
                Measure = parse.GetValue(measure) switch
                {
                    "unknown" => AuditMeasure.Unknown,
                    "would-reject" => AuditMeasure.WouldReject,
                    var m => throw new FormatException($"--measure '{m}': expected unknown or would-reject"),
                },
                MaxShare = Share(parse.GetValue(maxShare), "--max-share"),
                MaxClientShare = Share(parse.GetValue(maxClientShare), "--max-client-share"),
                MinClientSamples = Positive(parse.GetValue(minClient), "--min-client-samples"),
                MaxClients = Positive(parse.GetValue(maxClients), "--max-clients"),
                TopValues = Positive(parse.GetValue(top), "--top"),
                Confidence = parse.GetValue(confidence) is var c && Harness.Engine.Gates.Statistics.Proportions.Z(c) is not null
                    ? c : throw new FormatException($"--confidence {c.ToString(CultureInfo.InvariantCulture)}: expected 0.95, 0.99 or 0.999"),
                Seed = parse.GetValue(seed),
            };

            IAccessLogParser parser;
            try
            {
                parser = AccessLogAudit.ParserFor(logFormat, names, key);
            }
            catch (ArgumentException e)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"--client {key}: {e.Message.Split(" (Parameter")[0]}");
            }

            var loaded = RehearseVerb.LoadPlan(context, parse.GetValue(plan));
            var phaseName = parse.GetValue(phase)!;
            if (loaded.Phases.FirstOrDefault(p => p.Name == phaseName) is not { } selected)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"unknown phase '{phaseName}' (plan {loaded.Source} has: {string.Join(", ", loaded.Phases.Select(p => p.Name))})");
            }

            var logName = parse.GetValue(log)!;
            var path = context.Resolve(logName);
            if (!File.Exists(path))
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot read log '{logName}': no such file");
            }

            var progress = new SyncProgress(lines => context.Output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit: {lines:N0} lines read")));
            AuditReport report;
            try
            {
                report = await AccessLogAudit.RunAsync(path, logName, parser, logFormat, ContractRules.Default, selected, options, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return context.Fail(ExitCodes.HarnessOrUsageError, $"cannot read log '{logName}': {e.Message}");
            }

            var directory = parse.GetValue(output) is { } o
                ? context.Resolve(o)
                : Path.Combine(context.WorkingDirectory, "reports", context.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-audit");
            await AuditFiles.WriteAllAsync(report, directory, cancellationToken).ConfigureAwait(false);
            Print(context, report, directory);
            return report.Status == Harness.Engine.Gates.GateStatus.Pass ? ExitCodes.Go : ExitCodes.NoGo;
        }, cancellationToken));
        return command;
    }

    private static void Print(VerbContext context, AuditReport report, string directory)
    {
        var w = context.Output.Out;
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(inv, $"audit {report.Source}: {report.Lines} lines, {report.Malformed} malformed, {report.Overall.Requests} requests, {report.Overall.StageBearing} stage-bearing, {report.Overall.Unclassified} not classified, {report.Overall.Validated} validated"));
        foreach (var row in report.Clients.Where(r => r.Unknown.Events > 0).Take(5))
        {
            w.WriteLine(string.Create(inv, $"  {row.Client}: unknown {AuditJudge.Percent(row.Unknown.Share)} ({row.Unknown.Events}/{row.Validated}, {AuditJudge.Percent(row.Unknown.Low)}..{AuditJudge.Percent(row.Unknown.High)}) {row.Verdict}; top {string.Join(", ", row.TopValues.Select(v => v.Value))}"));
        }

        w.WriteLine($"{report.Status.ToString().ToUpperInvariant()}: {report.Reason}");
        w.WriteLine($"reports: {directory}");
    }

    private static double? Share(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        return double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (percent ? value / 100 : value) is var share and >= 0 and <= 1
            ? share
            : throw new FormatException($"{option} '{text}': expected a share such as 0.5% or 0.005 (0..1)");
    }

    private static int Positive(int value, string option) =>
        value >= 1 ? value : throw new FormatException($"{option} {value}: expected at least 1");

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
