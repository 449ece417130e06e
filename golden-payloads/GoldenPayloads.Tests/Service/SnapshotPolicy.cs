namespace GoldenPayloads.Tests.Service;

/// <summary>Where snapshots may be created: locally yes, in CI never (CI sets <c>CI=true</c>).</summary>
internal static class SnapshotPolicy
{
    public static bool RunningInCi =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } value
        && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
        && value != "0";
}
