using System.Globalization;

namespace Scenarios.Catalogue;

/// <summary>What a step sends: which endpoints, and what share of requests carries an unknown stage.</summary>
/// <param name="Endpoints">The endpoints requests go to; default all.</param>
/// <param name="UnknownShare">
/// Share (0-1) of requests that carry at least one unknown stage (the rest carry canonical and
/// alias spellings only); null for the generator's own mix (a third without unknown stages, a third
/// with some, a third with only unknown stages).
/// </param>
public sealed record TrafficMix(EndpointSelection Endpoints = EndpointSelection.All, double? UnknownShare = null)
{
    /// <summary>Every endpoint, the generator's own mix.</summary>
    public static TrafficMix Default { get; } = new();

    /// <summary><c>writes, 20% unknown</c>.</summary>
    public override string ToString() =>
        $"{Endpoints.ToString().ToLowerInvariant()}, " + (UnknownShare is { } share ? string.Create(CultureInfo.InvariantCulture, $"{100 * share:0.#}% unknown") : "mixed stages");
}
