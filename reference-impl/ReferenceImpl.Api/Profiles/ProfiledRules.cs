using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using StageContract;
using StageContract.Data;

namespace ReferenceImpl.Api.Profiles;

/// <summary>
/// The contract rules a service instance runs with: the contract data with the profile's (or the
/// operator's) sunset, docs URL, recommendation and header-name case, then the data-level faults.
/// Unchanged data gives back the very same rules object.
/// </summary>
public static class ProfiledRules
{
    /// <summary>Derives the rules; throws <see cref="ConfigurationException"/> when the profile's values are not valid contract data.</summary>
    public static ContractRules Apply(ContractRules rules, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        var data = rules.Data;
        var profile = options.Profile;
        var profiled = data with
        {
            Sunset = options.Sunset ?? profile.Sunset ?? data.Sunset,
            DocsUrl = options.DocsUrl ?? profile.DocsUrl ?? data.DocsUrl,
            Recommendation = profile.Recommendation ?? data.Recommendation,
            Headers = profile.LowerCaseHeaderNames ? LowerCase(data.Headers) : data.Headers,
        };
        if (profiled != data && ContractDataValidator.Validate(profiled) is { Count: > 0 } problems)
        {
            throw new ConfigurationException($"profile '{profile.Name}': {string.Join("; ", problems)}");
        }

        var faulted = FaultyRules.Apply(profiled, options.Faults);
        return faulted == data ? rules : new ContractRules(faulted);
    }

    private static HeaderNames LowerCase(HeaderNames names) => new()
    {
        Mode = names.Mode.ToLowerInvariant(),
        RequestId = names.RequestId.ToLowerInvariant(),
        Deprecation = names.Deprecation.ToLowerInvariant(),
        Sunset = names.Sunset.ToLowerInvariant(),
        Link = names.Link.ToLowerInvariant(),
        DeprecatedVariants = names.DeprecatedVariants.ToLowerInvariant(),
        Docs = names.Docs.ToLowerInvariant(),
        WouldReject = names.WouldReject.ToLowerInvariant(),
        Recommendation = names.Recommendation.ToLowerInvariant(),
    };
}
