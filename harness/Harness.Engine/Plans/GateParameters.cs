using System.Text.Json;

namespace Harness.Engine.Plans;

/// <summary>
/// A gate's <c>parameters</c> block: a JSON object (converted from YAML), bound to the kind's options
/// record by <see cref="Gates.Kinds.GateOptionsBinder"/>.
/// </summary>
public sealed class GateParameters
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Wraps a JSON object; anything else is treated as empty.</summary>
    public GateParameters(JsonElement json) => Json = json.ValueKind == JsonValueKind.Object ? json.Clone() : EmptyObject;

    /// <summary>No parameters.</summary>
    public static GateParameters Empty { get; } = new(EmptyObject);

    /// <summary>The parameters as JSON, for the report.</summary>
    public JsonElement Json { get; }

    /// <summary>Names of the parameters present.</summary>
    public IEnumerable<string> Names => Json.EnumerateObject().Select(p => p.Name);
}
