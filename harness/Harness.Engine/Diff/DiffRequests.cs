using System.Globalization;
using GoldenPayloads.Corpus;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Requests;
using StageContract;
using StageContract.Modes;

namespace Harness.Engine.Diff;

/// <summary>
/// The requests of a dual run, in the order they are sent: the golden corpus, then the seeded generated
/// requests (the generators of generated traffic), then the capture. Every request is classified with the
/// contract (<see cref="CaptureClassifier"/>): which endpoint it addresses, whether it is a write, and
/// whether it carries an unknown stage. Under <see cref="DiffWrites.ReadsOnly"/> writes are left out and counted.
/// </summary>
public sealed class DiffRequests(ContractRules rules, DiffSettings settings, int seed)
{
    private readonly CaptureClassifier _classifier = new(rules, new ModeSettings { GlobalMode = ValidationMode.Warn });

    /// <summary>The requests to send, and how many writes were left out.</summary>
    public (IReadOnlyList<DiffRequest> Requests, int SkippedWrites) Build(GoldenCorpus? corpus, IReadOnlyList<CapturedRequest> capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var all = new List<DiffRequest>();
        if (corpus is not null)
        {
            for (var i = 0; i < corpus.Cases.Count; i++)
            {
                var golden = corpus.Cases[i];
                all.Add(Classified(DiffSource.Golden, golden.Id, golden.Request.Method, golden.Request.Path, golden.Request.BodyText, Id("golden", i)));
            }
        }

        all.AddRange(Generated());
        for (var i = 0; i < capture.Count; i++)
        {
            var captured = capture[i];
            var id = CaptureClassifier.IsValidRequestId(captured.RequestId) ? captured.RequestId! : Id("capture", i);
            all.Add(Classified(DiffSource.Capture, "capture line " + (i + 1).ToString(CultureInfo.InvariantCulture), captured.Method, captured.Path, captured.Body, id));
        }

        if (settings.Writes == DiffWrites.SeparateStores)
        {
            return (all, 0);
        }

        var reads = all.Where(r => !r.IsWrite).ToList();
        return (reads, all.Count - reads.Count);
    }

    private IEnumerable<DiffRequest> Generated()
    {
        var endpoints = rules.Endpoints.TakingStages
            .Where(e => settings.Writes == DiffWrites.SeparateStores || (!rules.Endpoints.IsWrite(e.Method, e.Route) && !e.NeedsId))
            .ToList();
        if (endpoints.Count == 0 || settings.Requests == 0)
        {
            yield break;
        }

        var generator = new StageRequestGenerator(rules, new Random(seed), string.Create(CultureInfo.InvariantCulture, $"rh{seed}-diff"));
        var builder = new StageRequestBuilder(new TrafficSettings());
        var placeholders = new ResourceIds(endpoints.Select(e => e.Resource).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, DiffRequest.IdPlaceholder, StringComparer.Ordinal));
        for (var i = 0; i < settings.Requests; i++)
        {
            var request = generator.Any(endpoints);
            using var message = builder.Build(request, placeholders)!;
            var path = "/" + message.RequestUri!.OriginalString.TrimStart('/');
            var unknown = request.Stages.Any(s => !rules.Normalizer.Normalize(s).IsKnown);
            yield return new DiffRequest(DiffSource.Generated, request.ToString(), request.Endpoint.Method, path,
                request.Endpoint.HasBody ? builder.Body(request) : null, request.RequestId, request.Endpoint.ToString(), unknown,
                rules.Endpoints.IsWrite(request.Endpoint.Method, request.Endpoint.Route));
        }
    }

    private DiffRequest Classified(DiffSource source, string label, string method, string path, string? body, string requestId)
    {
        var endpoint = _classifier.EndpointOf(method, path);
        var unknown = false;
        if (endpoint is not null)
        {
            var expected = _classifier.Classify(new CapturedRequest(method, path, body, requestId), requestId).Expected;
            unknown = expected is { UnknownValues.Count: > 0 };
        }

        var query = path.IndexOf('?', StringComparison.Ordinal);
        var name = endpoint?.ToString() ?? method + " " + (query < 0 ? path : path[..query]);
        var write = endpoint is not null ? rules.Endpoints.IsWrite(method, endpoint.Route) : method is "POST" or "PUT" or "PATCH";
        return new DiffRequest(source, label, method, path, body, requestId, name, unknown, write);
    }

    private string Id(string source, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"rh{seed}-diff-{source}-{index}");
}
