using System.Text.Json;

namespace StageContract.Endpoints;

/// <summary>
/// The grammar of a body template. A template is the JSON object of a valid request; strings that
/// are <see cref="Placeholders.InBodies"/> stand for the builder's values, and the stage input is
/// written once, as a pattern the builder repeats for every stage value:
/// <list type="bullet">
/// <item>array input: an array whose only element holds <c>"{stage}"</c> and <c>"{weight}"</c>, e.g. <c>[{"stage": "{stage}", "weight": "{weight}"}]</c>;</item>
/// <item>scalar input: an array whose only element holds <c>"{stage}"</c> and no weight, e.g. <c>[{"companyId": "{companyId}", "stage": "{stage}"}]</c>;</item>
/// <item>object input: an object member named <c>{stage}</c> whose value is <c>"{weight}"</c>, e.g. <c>{"{stage}": "{weight}"}</c>.</item>
/// </list>
/// Every other value is sent as written.
/// </summary>
public static class BodyTemplate
{
    /// <summary>True when <paramref name="array"/> is an array stage pattern: one element, holding <c>{stage}</c>.</summary>
    public static bool IsStagePattern(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array && array.GetArrayLength() == 1 && Holds(array[0], Placeholders.Stage);

    /// <summary>True when <paramref name="value"/> is, or holds at any depth, the placeholder as a string or a member name.</summary>
    public static bool Holds(JsonElement value, string placeholder) => value.ValueKind switch
    {
        JsonValueKind.String => value.ValueEquals(placeholder),
        JsonValueKind.Array => value.EnumerateArray().Any(v => Holds(v, placeholder)),
        JsonValueKind.Object => value.EnumerateObject().Any(p => p.NameEquals(placeholder) || Holds(p.Value, placeholder)),
        _ => false,
    };

    /// <summary>Every way an endpoint's body template breaks the grammar or disagrees with its input type; empty when it is usable.</summary>
    public static IReadOnlyList<string> Problems(StageEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var problems = new List<string>();
        var body = endpoint.Body is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } b ? b : (JsonElement?)null;
        if (!endpoint.HasBody)
        {
            if (body is not null)
            {
                problems.Add($"{endpoint.InputType.ToLabel()} input takes no body template");
            }
        }
        else if (body is not { ValueKind: JsonValueKind.Object } template)
        {
            problems.Add($"{endpoint.InputType.ToLabel()} input needs a body template (a JSON object)");
        }
        else
        {
            var shapes = new List<StageInputType>();
            Walk(template, inPattern: false, shapes, problems);
            if (shapes.Count != 1)
            {
                problems.Add($"the body template needs exactly one stage pattern, found {shapes.Count}");
            }
            else if (shapes[0] == StageInputType.None)
            {
                problems.Add("the stage pattern must be [{..., \"stage\": \"{stage}\", \"weight\": \"{weight}\"}] (array), [{..., \"stage\": \"{stage}\"}] (scalar) or {\"{stage}\": \"{weight}\"} (object)");
            }
            else if (shapes[0] != endpoint.InputType)
            {
                problems.Add($"the body template's stage pattern is {shapes[0].ToLabel()} input, but inputType is {endpoint.InputType.ToLabel()}");
            }
        }

        return [.. problems.Select(p => $"endpoint {endpoint}: {p}")];
    }

    private static void Walk(JsonElement value, bool inPattern, List<StageInputType> shapes, List<string> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when Placeholders.LooksLikeOne(value.GetString()!):
                var text = value.GetString()!;
                var ofPattern = text is Placeholders.Stage or Placeholders.Weight;
                if (ofPattern && !inPattern)
                {
                    problems.Add($"'{text}' outside the stage pattern");
                }
                else if (!ofPattern && !Placeholders.InBodies.Contains(text, StringComparer.Ordinal))
                {
                    problems.Add($"unknown placeholder '{text}' (known: {string.Join(", ", Placeholders.InBodies)}; {Placeholders.Stage} and {Placeholders.Weight} in the stage pattern)");
                }

                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    var isPattern = !inPattern && member.NameEquals(Placeholders.Stage);
                    if (isPattern)
                    {
                        shapes.Add(member.Value.ValueEquals(Placeholders.Weight) ? StageInputType.Object : StageInputType.None);
                    }
                    else if (Placeholders.LooksLikeOne(member.Name))
                    {
                        problems.Add($"member name '{member.Name}': only {Placeholders.Stage} may be a member name, outside an array pattern");
                    }

                    Walk(member.Value, inPattern || isPattern, shapes, problems);
                }

                break;
            case JsonValueKind.Array when !inPattern && IsStagePattern(value):
                shapes.Add(ArrayShape(value[0]));
                Walk(value[0], inPattern: true, shapes, problems);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, inPattern, shapes, problems);
                }

                break;
        }
    }

    /// <summary>An array pattern's element: an object with <c>"{stage}"</c> (and <c>"{weight}"</c> for array input) as member values.</summary>
    private static StageInputType ArrayShape(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.EnumerateObject().Any(m => m.Value.ValueEquals(Placeholders.Stage)))
        {
            return StageInputType.None;
        }

        return element.EnumerateObject().Any(m => m.Value.ValueEquals(Placeholders.Weight)) ? StageInputType.Array : StageInputType.Scalar;
    }
}
