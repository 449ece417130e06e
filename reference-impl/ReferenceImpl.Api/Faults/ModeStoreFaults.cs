using ReferenceImpl.Api.ModeStore;

namespace ReferenceImpl.Api.Faults;

/// <summary>The fault in the mode store (contract section 7): Redis calls not bounded by 100 ms.</summary>
public static class ModeStoreFaults
{
    /// <summary>The Redis client's own timeout, which the fault leaves in place (StackExchange.Redis's default).</summary>
    public const int ClientDefaultTimeoutMilliseconds = 5000;

    /// <summary>The bound on every mode store call: 100 ms, or (under the fault) none.</summary>
    public static TimeSpan StoreTimeout(FaultSet faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return faults.Has(Fault.ModeStoreNoTimeout) ? Timeout.InfiniteTimeSpan : ModeProvider.StoreTimeout;
    }

    /// <summary>
    /// The Redis client's timeout in milliseconds: the service's tight 1 s, or (under the fault) the
    /// library's default, as a store written without the bound would have it.
    /// </summary>
    public static int ClientTimeoutMilliseconds(FaultSet faults, int configured)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return faults.Has(Fault.ModeStoreNoTimeout) ? ClientDefaultTimeoutMilliseconds : configured;
    }
}
