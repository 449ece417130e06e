namespace ReferenceImpl.Api.Profiles;

/// <summary>The JSON layout of <c>GET /api/deprecations</c> (the contract lists the fields, not their layout).</summary>
public enum SelfReportShape
{
    /// <summary>One flat camelCase object: <c>{"mode": ..., "dryRun": ..., "overrides": {...}, ...}</c>.</summary>
    Flat,

    /// <summary>Wrapped in <c>items[]</c>, snake_case: <c>{"items":[{"current_mode": ..., "dry_run": ..., ...}]}</c>.</summary>
    Items,
}
