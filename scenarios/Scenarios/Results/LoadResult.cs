using System.Text.Json;

namespace Scenarios.Results;

/// <summary>A load run: its steps (warm-up excluded) and the seed of its traffic.</summary>
public sealed record LoadResult(IReadOnlyList<StepResult> Steps, int Seed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Merges shards of the same profile step by step (by name).</summary>
    public LoadResult Merge(LoadResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var byName = other.Steps.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return this with { Steps = [.. Steps.Select(s => byName.TryGetValue(s.Name, out var o) ? s.Merge(o) : s)] };
    }

    /// <summary>JSON for files and shards.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <see cref="ToJson"/> output.</summary>
    public static LoadResult FromJson(string json) =>
        JsonSerializer.Deserialize<LoadResult>(json, Json) ?? throw new JsonException("the document is null");
}
