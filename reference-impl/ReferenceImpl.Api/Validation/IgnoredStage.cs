using StageContract.Distributions;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Validation;

/// <summary>An entry left out of the computation because its stage is unknown (served outside enforce), echoed so no input is silently lost.</summary>
public sealed record IgnoredStage(string Stage, double Weight)
{
    /// <summary>The unknown entries of a distribution, with their weights as sent.</summary>
    public static IReadOnlyList<IgnoredStage> From(IReadOnlyList<WeightedStage> entries, IReadOnlyList<NormalizedStage> normalized)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(normalized);
        var ignored = new List<IgnoredStage>();
        for (var i = 0; i < entries.Count && i < normalized.Count; i++)
        {
            if (!normalized[i].IsKnown)
            {
                ignored.Add(new IgnoredStage(normalized[i].Raw.Display, entries[i].Weight));
            }
        }

        return ignored;
    }
}
