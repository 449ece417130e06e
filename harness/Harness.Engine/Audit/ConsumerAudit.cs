using System.Globalization;
using Harness.Engine.Gates.Readiness;

namespace Harness.Engine.Audit;

/// <summary>
/// The streaming consumer audit: each logged request is classified with the contract (the same
/// <see cref="CaptureClassifier"/> the traffic-readiness gates use) and counted for its client.
/// Memory is bounded whatever the log's length: at most <see cref="AuditOptions.MaxClients"/>
/// clients (later ones share one "other clients" bucket), a fixed number of value counters and the
/// contract's few endpoints per client, a bounded number of malformed-line samples.
/// </summary>
public sealed class ConsumerAudit
{
    private const int MalformedSampleCount = 10;
    private const int SampleChars = 120;
    private const int MalformedReasonCount = 20;

    private readonly CaptureClassifier _classifier;
    private readonly AuditOptions _options;
    private readonly Dictionary<string, ClientTally> _clients = new(StringComparer.Ordinal);
    private readonly ClientTally _overall;
    private readonly Dictionary<string, long> _malformed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unclassified = new(StringComparer.Ordinal);
    private readonly List<string> _samples = [];
    private ClientTally? _other;

    /// <summary>An audit classifying with <paramref name="classifier"/> (the phase's configuration).</summary>
    public ConsumerAudit(CaptureClassifier classifier, AuditOptions options)
    {
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _overall = new ClientTally(options.TopValues * 2);
    }

    /// <summary>Lines counted so far.</summary>
    public long Lines { get; private set; }

    /// <summary>Counts one line: <paramref name="parsed"/> as read from line number <paramref name="lineNumber"/>.</summary>
    public void Add(LineParse parsed, long lineNumber, string? line)
    {
        Lines++;
        if (parsed.Entry is not { } entry)
        {
            var reason = parsed.Error ?? "malformed";
            var key = _malformed.Count < MalformedReasonCount || _malformed.ContainsKey(reason) ? reason : "other reasons";
            _malformed[key] = _malformed.GetValueOrDefault(key) + 1;
            if (_samples.Count < MalformedSampleCount)
            {
                _samples.Add(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {reason}: {RawValueText.Of(line ?? "(too long)", SampleChars)}"));
            }

            return;
        }

        var client = TallyOf(entry.Client);
        Count(entry, lineNumber, client);
    }

    private ClientTally TallyOf(string? key)
    {
        var name = key is null or "" ? "(none)" : RawValueText.Of(key, _options.MaxClientChars);
        if (_clients.TryGetValue(name, out var tally))
        {
            return tally;
        }

        if (_clients.Count < _options.MaxClients)
        {
            tally = new ClientTally(_options.TopValues * 2);
            _clients[name] = tally;
            return tally;
        }

        return _other ??= new ClientTally(_options.TopValues * 2);
    }

    private void Count(AccessLogEntry entry, long lineNumber, ClientTally client)
    {
        client.Requests++;
        _overall.Requests++;
        var endpoint = _classifier.EndpointOf(entry.Method, entry.Target);
        var route = endpoint?.ToString() ?? ClientTally.OtherRoute;
        client.Hit(route);
        _overall.Hit(route);
        if (endpoint is not { TakesStages: true })
        {
            return;
        }

        client.StageBearing++;
        _overall.StageBearing++;
        if (endpoint.HasBody && !entry.HasBody)
        {
            var reason = $"{endpoint}: the log has no body (stages of a write travel in the body)";
            _unclassified[reason] = _unclassified.GetValueOrDefault(reason) + 1;
            client.Unclassified++;
            _overall.Unclassified++;
            return;
        }

        var requestId = CaptureClassifier.IsValidRequestId(entry.RequestId)
            ? entry.RequestId!
            : string.Create(CultureInfo.InvariantCulture, $"audit{_options.Seed}-{lineNumber}");
        CaptureClass classified;
        try
        {
            classified = _classifier.Classify(new CapturedRequest(entry.Method, entry.Target, entry.Body, requestId), requestId);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            // The oracle reads well-formed routes; a logged path it cannot read (a fund id that is no number) is reported, never a crash.
            var reason = $"{endpoint}: the request could not be read ({e.GetType().Name})";
            _unclassified[reason] = _unclassified.GetValueOrDefault(reason) + 1;
            client.Unclassified++;
            _overall.Unclassified++;
            return;
        }

        if (!classified.Validated)
        {
            return;
        }

        client.Validated++;
        _overall.Validated++;
        if (!classified.Unknown)
        {
            return;
        }

        client.Unknown++;
        _overall.Unknown++;
        if (classified.WouldReject)
        {
            client.WouldReject++;
            _overall.WouldReject++;
        }

        foreach (var raw in classified.Expected!.UnknownValues.Select(v => v.Display).Distinct(StringComparer.Ordinal))
        {
            var shown = RawValueText.Of(raw, _options.MaxValueChars);
            client.Values.Add(shown);
            _overall.Values.Add(shown);
        }
    }

    /// <summary>The report of everything counted so far, judged against the options' limits.</summary>
    public AuditReport Build(string source, AccessLogFormat format, string phase, string configuration)
    {
        var z = _options.Z;
        var rows = _clients.Select(c => Row(c.Key, c.Value, z)).ToList();
        var judged = rows.Select(r => r with { Verdict = ClientVerdict(r) }).ToList();
        var worst = judged
            .OrderByDescending(r => Measured(r).Events)
            .ThenByDescending(r => Measured(r).Share)
            .ThenBy(r => r.Client, StringComparer.Ordinal)
            .ToList();
        var other = _other is null ? null : Row($"other clients (after the first {_options.MaxClients})", _other, z);
        var overall = Row("all clients", _overall, z);
        var (status, reason) = AuditJudge.Judge(overall, worst, other, _options);
        return new AuditReport
        {
            Source = source,
            Format = format == AccessLogFormat.Combined ? "combined" : "json",
            ClientKey = _options.Client.ToString(),
            Phase = phase,
            Configuration = configuration,
            Seed = _options.Seed,
            Confidence = _options.Confidence,
            Measure = _options.Measure == AuditMeasure.Unknown ? "unknown" : "would-reject",
            MaxShare = _options.MaxShare,
            MaxClientShare = _options.MaxClientShare,
            MinClientSamples = _options.MinClientSamples,
            Lines = Lines,
            Malformed = _malformed.Values.Sum(),
            MalformedReasons = Counts(_malformed),
            MalformedSamples = [.. _samples],
            UnclassifiedReasons = Counts(_unclassified),
            Overall = overall,
            TrackedClients = _clients.Count,
            MaxClients = _options.MaxClients,
            Clients = [.. worst.Take(_options.ReportClients)],
            OtherClients = other,
            Status = status,
            Reason = reason,
            ClientsAbove = worst.Count(r => r.Verdict == AuditJudge.Above),
            ClientsPossiblyAbove = worst.Count(r => r.Verdict == AuditJudge.PossiblyAbove),
        };
    }

    private ShareEstimate Measured(ClientAudit row) => _options.Measure == AuditMeasure.Unknown ? row.Unknown : row.WouldReject;

    private string ClientVerdict(ClientAudit row) => AuditJudge.ClientVerdict(Measured(row), _options);

    private ClientAudit Row(string name, ClientTally tally, double z) => new(
        name, tally.Requests, tally.StageBearing, tally.Unclassified, tally.Validated,
        ShareEstimate.Of(tally.Unknown, tally.Validated, z),
        ShareEstimate.Of(tally.WouldReject, tally.Validated, z),
        tally.Values.Top(_options.TopValues),
        [.. tally.Endpoints.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => new ValueCount(e.Key, e.Value))],
        "-");

    private static IReadOnlyList<ValueCount> Counts(Dictionary<string, long> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new ValueCount(c.Key, c.Value))];
}
