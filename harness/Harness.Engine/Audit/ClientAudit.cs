namespace Harness.Engine.Audit;

/// <summary>One client's line of the audit.</summary>
/// <param name="Client">The client key's value (cut to a bounded length), or a bucket's name.</param>
/// <param name="Requests">Requests logged.</param>
/// <param name="StageBearing">Requests to a stage endpoint whose contract input carries stages (section 6).</param>
/// <param name="Unclassified">Stage-bearing requests the log does not hold enough of to classify (a write without its body).</param>
/// <param name="Validated">Requests that reached the stage decision (the shares' denominator).</param>
/// <param name="Unknown">Validated requests with at least one unknown stage, with its interval.</param>
/// <param name="WouldReject">Unknown requests the phase's configuration gives shadow, with its interval.</param>
/// <param name="TopValues">The most frequent unknown raw values, cut and percent-encoded.</param>
/// <param name="Endpoints">Requests per endpoint (<c>METHOD route</c>, or "other routes").</param>
/// <param name="Verdict">How the client stands against the per-client limit: <c>above</c>, <c>above?</c> (point share above, interval reaching below), <c>within</c>, <c>too few</c>, or <c>-</c> without a limit.</param>
public sealed record ClientAudit(
    string Client,
    long Requests,
    long StageBearing,
    long Unclassified,
    long Validated,
    ShareEstimate Unknown,
    ShareEstimate WouldReject,
    IReadOnlyList<ValueCount> TopValues,
    IReadOnlyList<ValueCount> Endpoints,
    string Verdict);
