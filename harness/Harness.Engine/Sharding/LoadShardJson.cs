using System.Text.Json;
using Harness.Engine.Reports;

namespace Harness.Engine.Sharding;

/// <summary>Writes a shard file and reads it back, refusing anything that is not one.</summary>
public static class LoadShardJson
{
    /// <summary>The shard as indented JSON (the report's conventions: camelCase, enums by name).</summary>
    public static string Write(LoadShardFile shard) => JsonSerializer.Serialize(shard, ReportJson.Options) + "\n";

    /// <summary>Reads a shard file; throws <see cref="FormatException"/> with a one-line message naming <paramref name="source"/> when it is not one this version reads.</summary>
    public static LoadShardFile Read(string json, string source)
    {
        LoadShardFile? shard;
        try
        {
            shard = JsonSerializer.Deserialize<LoadShardFile>(json, ReportJson.Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new FormatException($"{source}: not a load shard file: {e.Message.Split('\n')[0]}", e);
        }

        return shard switch
        {
            null => throw new FormatException($"{source}: not a load shard file: the document is null"),
            { Format: not LoadShardFile.CurrentFormat } => throw new FormatException($"{source}: not a load shard file (format '{shard.Format}', expected '{LoadShardFile.CurrentFormat}')"),
            { FormatVersion: not LoadShardFile.CurrentFormatVersion } => throw new FormatException(
                $"{source}: formatVersion {shard.FormatVersion} is not supported (this harness reads {LoadShardFile.CurrentFormatVersion})"),
            _ => shard with { Source = source },
        };
    }
}
