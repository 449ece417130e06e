using System.Diagnostics;
using System.Globalization;
using Flurl.Http;
using Flurl.Http.Content;
using Harness.Engine.Targets;
using Harness.Engine.Plans;
using Harness.Engine.Requests;
using StageContract.Modes;

using StageContract.Endpoints;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// Watches the global mode by behaviour, for the drills: probes one endpoint, with one request id
/// in the enforcement bucket, each probe on a connection of its own (so that behind a load balancer the
/// probes spread over the instances), and calls a mode reached only after several probes in a row
/// show it. A self-report that says warn while requests are still rejected is not a downgrade.
/// </summary>
public sealed class ModeWatch
{
    /// <summary>Probes in a row that must agree before a mode counts as reached.</summary>
    public const int Consecutive = 5;

    private const string ModeRoute = "_ops/stage-validation/mode";
    private readonly GateContext _context;
    private readonly BehaviourProbe _probe;
    private readonly StageEndpoint _endpoint;
    private readonly string _requestId;

    private ModeWatch(GateContext context, StageEndpoint endpoint, string requestId)
    {
        _context = context;
        _endpoint = endpoint;
        _probe = new BehaviourProbe(context.Client, context.Rules, TrafficSettings.Default);
        _requestId = requestId;
    }

    /// <summary>The endpoint probed.</summary>
    public StageEndpoint Endpoint => _endpoint;

    /// <summary>
    /// The one request id of every probe: its bucket is the same on every instance and at every
    /// moment, so a change in the answers is a change of mode, never a different id landing in
    /// another bucket (a target with another bucket function would otherwise look unrestorable).
    /// </summary>
    public string RequestId => _requestId;

    /// <summary>
    /// A watch over an endpoint the phase enforces for bucket-0 ids, reads first (no writes); null
    /// when the phase enforces nothing (then there is nothing to downgrade).
    /// </summary>
    public static ModeWatch? For(GateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Phase.Configuration.ToModeSettings();
        var id = BucketIds.For(0, $"rh{context.Seed}-{context.Spec.Id}-watch");
        var endpoint = context.Rules.Endpoints.TakingStages
            .Where(e => !e.NeedsId && context.Rules.Decider.Decide(settings, e.Method, e.Route, id) == EffectiveMode.Enforce)
            .OrderBy(e => context.Rules.Decider.IsWrite(e.Method, e.Route))
            .FirstOrDefault();
        return endpoint is null ? null : new ModeWatch(context, endpoint, id);
    }

    /// <summary>The mode a probe reveals (null when its answer reveals none), with the observation.</summary>
    public async Task<ProbeObservation> ProbeAsync(CancellationToken cancellationToken)
    {
        return (await _probe.ProbeAsync(_endpoint, _requestId, ResourceIds.None, closeConnection: true, cancellationToken).ConfigureAwait(false)).Observation;
    }

    /// <summary>
    /// Probes until <see cref="Consecutive"/> probes in a row show <paramref name="mode"/> or
    /// <paramref name="timeout"/> passes; returns the seconds until the first of that run (null when
    /// not reached) and the last observation.
    /// </summary>
    public async Task<(double? Seconds, ProbeObservation Last)> WaitForAsync(EffectiveMode mode, TimeSpan timeout, int pollMilliseconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        double? runStart = null;
        var run = 0;
        ProbeObservation last;
        while (true)
        {
            var at = clock.Elapsed.TotalSeconds;
            last = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            if (last.Mode == mode)
            {
                runStart ??= at;
                if (++run >= Consecutive)
                {
                    return (runStart, last);
                }

                continue;
            }

            run = 0;
            runStart = null;
            if (clock.Elapsed > timeout)
            {
                return (null, last);
            }

            await Task.Delay(pollMilliseconds, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Puts the global mode back to enforce with the ops API and waits until requests are enforced again.</summary>
    public async Task<bool> RestoreEnforceAsync(string opsToken, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        int status;
        try
        {
            using var response = await _context.Client.Path(ModeRoute)
                .WithOAuthBearerToken(opsToken)
                .PutAsync(new CapturedStringContent("{\"mode\":\"enforce\",\"reason\":\"rehearsal drill: restore\",\"actor\":\"rehearse\"}", "application/json"), cancellationToken: CancellationToken.None)
                .ConfigureAwait(false);
            status = response.StatusCode;
        }
        catch (FlurlHttpException e)
        {
            evidence.Add(new Evidence("PUT /" + ModeRoute + " (restore)", "200", "no answer", TargetClient.Describe(e)));
            return false;
        }

        var (seconds, last) = await WaitForAsync(EffectiveMode.Enforce, TimeSpan.FromSeconds(30), 250, CancellationToken.None).ConfigureAwait(false);
        evidence.Add(new Evidence("PUT /" + ModeRoute + " (restore)", $"200, then {Consecutive} probes in a row rejected",
            status.ToString(CultureInfo.InvariantCulture) + (seconds is null ? $", requests still not enforced: {last.Describe()}" : string.Create(CultureInfo.InvariantCulture, $", enforced again after {seconds:0.###}s")), ""));
        return status is >= 200 and < 300 && seconds is not null;
    }
}
