using ReferenceImpl.Api.Faults;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Profiles;

/// <summary>
/// The stored stage values a served <c>?stage=</c> filter matches: the canonical stage of every
/// known value, plus (in a profile that says so) an unknown value literally. An unknown value is
/// never turned into a canonical stage (contract section 1: no silent fallback).
/// </summary>
public sealed class CompanyFilter
{
    private readonly ServiceProfile _profile;
    private readonly StageInputFaults _faults;

    public CompanyFilter(ServiceProfile profile, StageInputFaults faults)
    {
        _profile = profile;
        _faults = faults;
    }

    /// <summary>Distinct values to match, in first-seen order.</summary>
    public IReadOnlyList<string> Values(IReadOnlyList<NormalizedStage> stages)
    {
        var values = new List<string>();
        foreach (var stage in _faults.FilterStages(stages))
        {
            // Postgres cannot hold U+0000 in text, so no stored stage equals such a value, and sending it would fail the query.
            var value = stage.IsKnown ? stage.Canonical
                : _profile.UnknownFilter == UnknownFilterMatch.StoredStageLiterally && stage.Raw.Value is { } raw && !raw.Contains('\0', StringComparison.Ordinal) ? raw
                : null;
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
        }

        return values;
    }
}
