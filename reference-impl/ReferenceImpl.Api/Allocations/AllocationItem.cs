using System.Text.Json.Serialization;

namespace ReferenceImpl.Api.Allocations;

/// <summary>One allocation item: the canonical stage, or null with the raw value when unknown.</summary>
public sealed record AllocationItem(long CompanyId, string? Stage, decimal Amount)
{
    /// <summary>The value as sent, only for an unknown stage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RawStage { get; init; }
}
