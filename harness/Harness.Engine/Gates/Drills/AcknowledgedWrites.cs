using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using StageContract.Normalization;

namespace Harness.Engine.Gates.Drills;

/// <summary>
/// The harness's own ledger of acknowledged writes: every write the target answered 2xx, with the id
/// it returned and the content it echoed. After the drill each is read back and compared with its echo
/// by meaning (<see cref="Difference"/>), so a write the target acknowledged and then lost is found.
/// Thread-safe: the load records into it concurrently.
/// </summary>
public sealed class AcknowledgedWrites
{
    private readonly ConcurrentQueue<AcknowledgedWrite> _writes = new();

    /// <summary>Every write recorded so far, in no particular order.</summary>
    public IReadOnlyList<AcknowledgedWrite> All => [.. _writes];

    /// <summary>
    /// Records an acknowledged write from its answer body; returns the problem when the answer cannot
    /// be a ledger entry (not a JSON object, or no string <c>id</c>), else null.
    /// </summary>
    /// <param name="readBackTemplate">The route to read it back, with <c>{id}</c> where the id goes.</param>
    /// <param name="body">The answer's body.</param>
    /// <param name="sentAt">Seconds from the start of the drill at which it was sent.</param>
    /// <param name="requestId">Its <c>X-Request-Id</c>.</param>
    public string? Record(string readBackTemplate, string body, double sentAt, string requestId)
    {
        ArgumentNullException.ThrowIfNull(readBackTemplate);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "the 2xx answer is not JSON";
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return "the 2xx answer has no id";
        }

        var text = id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
        var route = readBackTemplate.TrimStart('/').Replace(StageContract.Endpoints.Placeholders.Id, Uri.EscapeDataString(text), StringComparison.Ordinal);
        _writes.Enqueue(new AcknowledgedWrite(route, text, root, sentAt, requestId));
        return null;
    }

    /// <summary>
    /// How <paramref name="readBack"/> differs in meaning from <paramref name="acknowledged"/>, or null when
    /// they mean the same: objects compare member by member whatever the order (member names that are
    /// stage values compare by their canonical stage), arrays in order, numbers within 1e-9 (relative),
    /// strings by the contract's normalization when both are stage values, else exactly.
    /// </summary>
    public static string? Difference(JsonElement acknowledged, JsonElement readBack, StageNormalizer normalizer, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        if (acknowledged.ValueKind != readBack.ValueKind && !(IsBool(acknowledged) && IsBool(readBack)))
        {
            return $"{path}: {Show(acknowledged)} acknowledged, {Show(readBack)} read back";
        }

        switch (acknowledged.ValueKind)
        {
            case JsonValueKind.Object:
                var left = Members(acknowledged, normalizer);
                var right = Members(readBack, normalizer);
                foreach (var (name, value) in left)
                {
                    if (!right.TryGetValue(name, out var other))
                    {
                        return $"{path}.{name}: acknowledged, missing when read back";
                    }

                    if (Difference(value, other, normalizer, $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                var extra = right.Keys.FirstOrDefault(k => !left.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: not acknowledged, present when read back";
            case JsonValueKind.Array:
                var a = acknowledged.EnumerateArray().ToList();
                var b = readBack.EnumerateArray().ToList();
                if (a.Count != b.Count)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{path}: {a.Count} items acknowledged, {b.Count} read back");
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (Difference(a[i], b[i], normalizer, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var x = acknowledged.GetDouble();
                var y = readBack.GetDouble();
                return Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))) ? null : $"{path}: {Show(acknowledged)} acknowledged, {Show(readBack)} read back";
            case JsonValueKind.String:
                return Same(acknowledged.GetString()!, readBack.GetString()!, normalizer) ? null : $"{path}: {Show(acknowledged)} acknowledged, {Show(readBack)} read back";
            default:
                return acknowledged.ValueKind == readBack.ValueKind ? null : $"{path}: {Show(acknowledged)} acknowledged, {Show(readBack)} read back";
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement element, StageNormalizer normalizer)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            members[Canonical(member.Name, normalizer) ?? member.Name] = member.Value;
        }

        return members;
    }

    private static bool Same(string a, string b, StageNormalizer normalizer) =>
        string.Equals(a, b, StringComparison.Ordinal) || (Canonical(a, normalizer) is { } ca && ca == Canonical(b, normalizer));

    private static string? Canonical(string value, StageNormalizer normalizer) => normalizer.Normalize(RawStage.FromString(value)).Canonical;

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static string Show(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 60 ? text[..60] + "..." : text;
    }
}
