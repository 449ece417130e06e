using Harness.Engine.Gates.Kinds;

namespace Harness.Engine.Gates.DualRun;

/// <summary>The parameters of the <c>dual-run</c> gate, with their defaults (<see cref="GateParameterAttribute"/>). How the diff is run and judged is the plan's <c>diff:</c> section.</summary>
public sealed record DualRunOptions
{
    /// <summary>Base URL of the service as it runs now, compared with the target; default none (the gate is then NotApplicable).</summary>
    [GateParameter("base URL of the service as it runs now (absolute http or https), whose answers the target's are compared with; none: the gate is not applicable")]
    public string? Primary { get; init; }

    /// <summary>Base URL of a second instance of the primary, to learn the noise; default none (no noise learned).</summary>
    [GateParameter("base URL of a second instance of the primary, to learn the noise (fields on which two primaries differ); none: no noise is learned")]
    public string? Secondary { get; init; }

    /// <summary>The first problem with these options, or null when they are usable (both URLs absolute http or https, a secondary only beside a primary).</summary>
    public string? Problem() =>
        Primary is not null && Url(Primary) is null ? $"parameters.primary '{Primary}' must be an absolute http(s) URL"
        : Secondary is not null && Url(Secondary) is null ? $"parameters.secondary '{Secondary}' must be an absolute http(s) URL"
        : Secondary is not null && Primary is null ? "parameters.secondary is a second instance of the primary: set parameters.primary too"
        : null;

    /// <summary><paramref name="text"/> as an absolute http(s) URL, or null.</summary>
    public static Uri? Url(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;
}
