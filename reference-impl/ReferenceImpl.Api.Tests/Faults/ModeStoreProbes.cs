using System.Diagnostics;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>The probe of the mode store's fault: a store that hangs like a paused Redis.</summary>
internal static class ModeStoreProbes
{
    private static readonly TimeSpan Hang = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// With a store that takes 800 ms to answer (a paused Redis, cut short by the client's own
    /// timeout), the first stage request waits for it under the fault; a clean service answers
    /// after its 100 ms bound with the default.
    /// </summary>
    public static FaultProbe ModeStoreNoTimeout() =>
        new(new ServiceOptions { Modes = Probe.Warn, ModeStore = new HangingModeStore(Hang) }, async host =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await Probe.CompaniesAsync(host, "growth");
            return response.IsSuccessStatusCode && clock.Elapsed >= Hang * 0.75;
        });

    private sealed class HangingModeStore(TimeSpan hang) : IModeStore
    {
        public async Task<ValidationMode?> ReadAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(hang, cancellationToken).ConfigureAwait(false);
            throw new TimeoutException("the store did not answer (a paused Redis)");
        }

        public async Task WriteAsync(ValidationMode mode, CancellationToken cancellationToken)
        {
            await Task.Delay(hang, cancellationToken).ConfigureAwait(false);
            throw new TimeoutException("the store did not answer (a paused Redis)");
        }
    }
}
