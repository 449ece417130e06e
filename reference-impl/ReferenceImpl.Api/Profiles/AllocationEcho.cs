using ReferenceImpl.Api.Allocations;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Profiles;

/// <summary>How an allocation item with an unknown stage is kept and echoed, per <see cref="ServiceProfile.UnknownItems"/>.</summary>
public static class AllocationEcho
{
    /// <summary>The stored item for an unknown stage.</summary>
    public static AllocationItem Unknown(ServiceProfile profile, long companyId, RawStage raw, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.UnknownItems == UnknownItemEcho.RawValueInStage
            ? new AllocationItem(companyId, raw.Value, amount)
            : new AllocationItem(companyId, null, amount) { RawStage = raw.Display };
    }
}
