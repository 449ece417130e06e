using System.Text.Json;
using System.Text.Json.Serialization;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Reports;

/// <summary><c>report.json</c>: writes the report model and reads it back (for <c>rehearse report</c>).</summary>
public static class ReportJson
{
    /// <summary>Serializer settings of the documented schema: camelCase, enums by name, verdicts as GO / NO-GO / HOLD.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new VerdictConverter(), new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        RespectNullableAnnotations = true,
    };

    /// <summary>The report as indented JSON.</summary>
    public static string Write(RehearsalReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    /// <summary>Reads a report; throws <see cref="FormatException"/> with a one-line message when it is not one.</summary>
    public static RehearsalReport Read(string json, string source)
    {
        try
        {
            var report = JsonSerializer.Deserialize<RehearsalReport>(json, Options)
                ?? throw new FormatException($"{source}: the document is null");
            return report.SchemaVersion == RehearsalReport.CurrentSchemaVersion
                ? report
                : throw new FormatException($"{source}: schemaVersion {report.SchemaVersion} is not supported (expected {RehearsalReport.CurrentSchemaVersion})");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a rehearsal report: {e.Message.Split('\n')[0]}", e);
        }
    }

    private sealed class VerdictConverter : JsonConverter<Verdict>
    {
        public override Verdict Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() switch
            {
                "GO" => Verdict.Go,
                "NO-GO" => Verdict.NoGo,
                "HOLD" => Verdict.Hold,
                var other => throw new JsonException($"'{other}' is not a verdict (GO, NO-GO, HOLD)"),
            };

        public override void Write(Utf8JsonWriter writer, Verdict value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToDisplay());
    }
}
