using StageContract;
using StageContract.Outcomes;

namespace ReferenceImpl.Api.Profiles;

/// <summary>
/// Writes the deprecation header set of contract section 4 in the profile's spelling. The default
/// profile's set is exactly the contract library's; another profile replaces only what the
/// contract leaves open: how variants are listed and encoded, and how <c>Link</c>'s <c>rel</c> is written.
/// </summary>
public sealed class DeprecationHeaderWriter
{
    private readonly ContractRules _rules;
    private readonly ServiceProfile _profile;
    private readonly bool _library;

    public DeprecationHeaderWriter(ContractRules rules, ServiceProfile profile)
    {
        _rules = rules;
        _profile = profile;
        _library = profile.Variants == VariantListStyle.Contract && profile.LinkRelation == ServiceProfile.Default.LinkRelation;
    }

    /// <summary>Sets the headers for <paramref name="result"/> (none unless warn or would-reject).</summary>
    public void Write(HttpResponse response, ValidationResult result, IReadOnlyList<string> unknownRawValues)
    {
        ArgumentNullException.ThrowIfNull(response);
        foreach (var (name, value) in For(result, unknownRawValues))
        {
            response.Headers[name] = value;
        }
    }

    /// <summary>The headers for <paramref name="result"/>, in the profile's spelling.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> For(ValidationResult result, IReadOnlyList<string> unknownRawValues)
    {
        var headers = _rules.Headers.For(result, unknownRawValues);
        if (_library)
        {
            return headers;
        }

        var names = _rules.Data.Headers;
        return [.. headers.Select(h =>
            h.Key == names.DeprecatedVariants ? new(h.Key, VariantList.Format(_profile.Variants, unknownRawValues, _rules.Data.MaxListedVariants))
            : h.Key == names.Link ? new(h.Key, $"<{_rules.Data.DocsUrl}>; rel={_profile.LinkRelation}")
            : h)];
    }
}
