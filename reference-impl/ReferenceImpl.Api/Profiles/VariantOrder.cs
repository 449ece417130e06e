namespace ReferenceImpl.Api.Profiles;

/// <summary>The order of the values listed in <c>X-Stage-Deprecated-Variants</c>.</summary>
public enum VariantOrder
{
    /// <summary>First-seen order in the request.</summary>
    FirstSeen,

    /// <summary>Sorted by the raw value, ordinal.</summary>
    Ordinal,
}
