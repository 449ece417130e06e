using ReferenceImpl.Api.Webhook;

namespace ReferenceImpl.Api.Faults;

/// <summary>The faults in the auto-downgrade webhook's security (contract section 8): future timestamps and replays accepted.</summary>
public static class WebhookFaults
{
    /// <summary>
    /// How far a signed timestamp is from now, as the window check sees it: both ways, or (under
    /// the fault) only into the past, so a timestamp from the future always looks fresh.
    /// </summary>
    public static long Skew(FaultSet faults, long nowSeconds, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return faults.Has(Fault.WebhookFutureTimestamps)
            ? Math.Max(0, nowSeconds - timestampSeconds)
            : Math.Abs(nowSeconds - timestampSeconds);
    }

    /// <summary>The replay store, or (under the fault) one that never remembers a delivery.</summary>
    public static IReplayStore ReplayStore(FaultSet faults, IReplayStore store)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return faults.Has(Fault.WebhookReplays) ? new ForgetfulReplayStore() : store;
    }
}
