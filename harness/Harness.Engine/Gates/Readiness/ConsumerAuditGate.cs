using System.Globalization;
using Harness.Engine.Audit;
using Harness.Engine.Gates.Kinds;
using Harness.Engine.Gates.Statistics;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates.Readiness;

/// <summary>
/// Traffic readiness per consumer: the consumer audit (<see cref="AccessLogAudit"/>) of an access log,
/// judged on the overall share (the threshold) and on every client's share (<c>maxClientShare</c>).
/// A new kind rather than a parameter of <c>unknown-rate</c>: that gate replays its capture (the whole
/// capture in memory, answers held to the contract), this one only reads a log, streaming, in bounded
/// memory, and also takes combined logs, which cannot be replayed (no bodies).
/// </summary>
public sealed class ConsumerAuditGate(ConsumerAuditOptions options) : IGate
{
    /// <summary>The <c>consumer-audit</c> kind.</summary>
    public static GateKind Kind { get; } = GateKind.For<ConsumerAuditOptions>(GateKinds.ConsumerAudit,
        "**traffic readiness per client**: an access log (`--capture <file>` or `parameters.capture`; JSON lines with configurable fields, or nginx/Apache combined) read streaming and classified by the harness with the contract, per client (ip, ua or a header); the share of validated requests with an unknown stage (or would-reject) over all clients, judged against the threshold with a Wilson interval, and every client's share against `maxClientShare`: a client whose interval is wholly at or above it fails the gate, one above it by share only makes it inconclusive; worst-clients table and chart; writes without a logged body are reported as not classified",
        ThresholdUnit.Ratio, "< 0.5%", (_, o) => new ConsumerAuditGate(o)) with
    {
        RequiresUpperLimit = true,
        Needs = GateNeeds.Capture,
        InconclusiveWhen = "the overall interval straddles the threshold, fewer validated requests than minSamples, a client above maxClientShare by share but not by interval, or the untracked clients' bucket above it",
    };

    /// <inheritdoc />
    public async Task<GateResult> EvaluateAsync(GateContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var threshold = context.Spec.Threshold!;
        var measured = $"share of validated logged requests {(options.Measure == "unknown" ? "with an unknown stage" : "that would be rejected")}, overall and per client (consumer audit)";
        var path = options.Capture is not null ? Path.Combine(context.BaseDirectory, options.Capture) : context.CapturePath;
        if (path is null)
        {
            return GateResult.NotEvaluated(measured, "the consumer audit needs an access log: pass --capture <file> or set parameters.capture", threshold.Text);
        }

        if (ClientKey.Parse(options.Client) is not { } key)
        {
            return GateResult.NotEvaluated(measured, $"parameters.client '{options.Client}': expected ip, ua or header:<name>", threshold.Text);
        }

        var format = options.Format == "combined" ? AccessLogFormat.Combined : AccessLogFormat.Json;
        var audit = new AuditOptions
        {
            Client = key,
            Measure = options.Measure == "unknown" ? AuditMeasure.Unknown : AuditMeasure.WouldReject,
            MaxClientShare = options.MaxClientShare,
            MinClientSamples = options.MinClientSamples,
            MaxClients = options.MaxClients,
            Confidence = options.Confidence,
            Seed = context.Seed,
        };
        AuditReport report;
        try
        {
            var fields = (options.Fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Aggregate(new JsonFieldNames(), (names, assignment) => names.With(assignment));
            var parser = AccessLogAudit.ParserFor(format, fields, key);
            report = await AccessLogAudit.RunAsync(path, path, parser, format, context.Rules, context.Phase, audit, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return GateResult.NotEvaluated(measured, $"cannot audit '{path}': {e.Message.Split('\n')[0]}", threshold.Text);
        }

        return Judge(report, audit, threshold, measured);
    }

    private GateResult Judge(AuditReport report, AuditOptions audit, Threshold threshold, string measured)
    {
        var share = audit.Measure == AuditMeasure.Unknown ? report.Overall.Unknown : report.Overall.WouldReject;
        var overall = share.Trials < options.MinSamples ? GateStatus.Inconclusive
            : Proportions.BelowLimit((share.Low, share.High), threshold.Value, threshold.Operator == ThresholdOperator.AtMost);
        var status = overall == GateStatus.Fail || report.Status == GateStatus.Fail ? GateStatus.Fail
            : overall == GateStatus.Inconclusive || report.Status == GateStatus.Inconclusive ? GateStatus.Inconclusive
            : GateStatus.Pass;
        var overallText = share.Trials < options.MinSamples
            ? string.Create(CultureInfo.InvariantCulture, $"only {share.Trials} validated requests, at least {options.MinSamples} are needed to judge")
            : $"threshold {threshold.Text}: {(overall == GateStatus.Pass ? "met" : overall == GateStatus.Fail ? "not met" : "the interval straddles it")}";
        var evidence = report.Clients.Where(c => c.Verdict is AuditJudge.Above or AuditJudge.PossiblyAbove).Select(c =>
        {
            var s = audit.Measure == AuditMeasure.Unknown ? c.Unknown : c.WouldReject;
            return new Evidence($"client {c.Client}", $"share <= {AuditJudge.Percent(options.MaxClientShare)}",
                string.Create(CultureInfo.InvariantCulture, $"{AuditJudge.Percent(s.Share)} ({s.Events}/{s.Trials}), {AuditJudge.Percent(s.Low)}..{AuditJudge.Percent(s.High)}: {c.Verdict}"),
                $"top values {string.Join(", ", c.TopValues.Select(v => v.Value))}; endpoints {string.Join(", ", c.Endpoints.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} x{e.Count}")))}");
        }).ToList();
        evidence.AddRange(report.UnclassifiedReasons.Select(r => new Evidence("not classified", "a classifiable request", string.Create(CultureInfo.InvariantCulture, $"{r.Count} requests"), r.Value)));
        if (report.Malformed > 0)
        {
            evidence.Add(new Evidence("malformed lines", "a request per line", string.Create(CultureInfo.InvariantCulture, $"{report.Malformed} of {report.Lines}"), string.Join("; ", report.MalformedSamples.Take(3))));
        }

        return new GateResult
        {
            Status = status,
            Measured = measured,
            Value = share.Share,
            ValueText = string.Create(CultureInfo.InvariantCulture, $"{AuditJudge.Percent(share.Share)} ({share.Events}/{share.Trials}); {report.ClientsAbove} client(s) above {AuditJudge.Percent(options.MaxClientShare)}"),
            Threshold = threshold.Text,
            SampleSize = (int)Math.Min(int.MaxValue, share.Trials),
            Reason = $"{report.Reason}; {overallText}",
            Charts = [AuditChart.Of(report)],
        }.WithEvidence(evidence);
    }
}
