using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Properties.Tests.Distributions;

namespace Properties.Tests.Migration;

/// <summary>A stored distribution as legacy rows hold it: a JSON object, keys in any spelling, weights that drift.</summary>
public sealed record StoredDistribution(IReadOnlyList<(string Key, double Weight)> Entries)
{
    /// <summary>The jsonb text (keys unique, as jsonb keeps them).</summary>
    public string Json
    {
        get
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                foreach (var (key, weight) in Entries)
                {
                    writer.WriteNumber(key, weight);
                }

                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    public override string ToString() => Json;

    /// <summary>What jsonb keeps of a key: text that is not valid UTF-16 cannot be stored and comes back with U+FFFD.</summary>
    private static string Stored(string key) => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(key))!;

    /// <summary>Distributions with unique keys (as jsonb stores them) and positive weights, rounded like legacy forms or exact.</summary>
    public static Gen<StoredDistribution> Gen { get; } =
        from n in FsCheck.Fluent.Gen.Choose(1, 8)
        from keys in FsCheck.Fluent.Gen.ArrayOf(DistributionGenerators.StageValue, n)
        from counts in FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Choose(0, 1000), n)
        from decimals in FsCheck.Fluent.Gen.Elements(2, 4, 15)
        from scale in FsCheck.Fluent.Gen.Elements(1.0, 1.00005, 0.99995, 0.9, 100.0)
        let unique = keys.Select((k, i) => (k: Stored(k), i)).DistinctBy(p => p.k, StringComparer.Ordinal).ToList()
        let total = Math.Max(1, unique.Sum(p => counts[p.i]))
        select new StoredDistribution([.. unique.Select(p => (p.k, Math.Round(scale * counts[p.i] / total, decimals)))]);
}

/// <summary>Formatting for messages.</summary>
internal static class WeightText
{
    public static string R(this double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
