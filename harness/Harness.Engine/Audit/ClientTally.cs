namespace Harness.Engine.Audit;

/// <summary>The running counts of one client (or of the "other clients" bucket, or of all). Bounded: endpoints are the contract's few plus "other", values a fixed number of counters.</summary>
internal sealed class ClientTally(int valueCounters)
{
    public const string OtherRoute = "other routes";

    public long Requests;
    public long StageBearing;
    public long Unclassified;
    public long Validated;
    public long Unknown;
    public long WouldReject;

    public TopValues Values { get; } = new(valueCounters);

    public Dictionary<string, long> Endpoints { get; } = new(StringComparer.Ordinal);

    public void Hit(string endpoint) =>
        Endpoints[endpoint] = Endpoints.GetValueOrDefault(endpoint) + 1;
}
