namespace Harness.Engine.LoadScenarios;

/// <summary>A target for one segment of a scenario; disposing it releases what was started for the segment.</summary>
/// <param name="Http">Client whose base address is the target; null when <paramref name="NotApplicable"/> is set.</param>
/// <param name="NotApplicable">Why the segment cannot run against this target; null when it can.</param>
/// <param name="Lease">What to stop after the segment (an embedded service), or null.</param>
public sealed record ScenarioTarget(HttpClient? Http, string? NotApplicable, IAsyncDisposable? Lease) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Lease?.DisposeAsync() ?? ValueTask.CompletedTask;
}
