using System.Globalization;
using System.Text;
using System.Text.Json;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace Harness.Engine.Requests;

/// <summary>
/// Turns a <see cref="StageRequest"/> into HTTP from the contract data alone: the endpoint's route
/// template (<c>{fundId}</c> and <c>{id}</c> filled in), its query parameter, and its body template
/// with the placeholders filled and the stage pattern written once per stage value
/// (<see cref="BodyTemplate"/>), with exact weights that sum to 1.
/// </summary>
public sealed class StageRequestBuilder(TrafficSettings settings)
{
    /// <summary>The HTTP request, or null when the route needs an id that <paramref name="ids"/> does not have.</summary>
    public HttpRequestMessage? Build(StageRequest request, ResourceIds ids)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ids);
        var endpoint = request.Endpoint;
        if (!ids.CanAddress(endpoint))
        {
            return null;
        }

        var path = string.Join('/', endpoint.Route.Split('/').Select(segment => segment switch
        {
            Placeholders.Id => ids.For(endpoint.Resource)!,
            Placeholders.FundId => settings.FundId.ToString(CultureInfo.InvariantCulture),
            _ => segment,
        })).TrimStart('/');
        if (endpoint.QueryParameter is { } parameter)
        {
            path += $"?{parameter}={Uri.EscapeDataString(request.Stages[0].Value ?? "")}";
        }

        var message = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        message.Headers.TryAddWithoutValidation("X-Request-Id", request.RequestId);
        if (endpoint.HasBody)
        {
            message.Content = new StringContent(Body(request), Encoding.UTF8, "application/json");
        }

        return message;
    }

    /// <summary>The JSON body for a body-carrying request: the endpoint's body template, filled in.</summary>
    public string Body(StageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Endpoint.Body is not { ValueKind: JsonValueKind.Object } template)
        {
            throw new ArgumentException($"{request.Endpoint} has no body template", nameof(request));
        }

        var weights = Weights(request.Stages.Count);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, template, request, weights, entry: -1);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Weights in hundredths that sum to exactly 1 (1.00 split as evenly as hundredths allow), so
    /// that no request is rejected for its weights.
    /// </summary>
    public static IReadOnlyList<double> Weights(int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var cents = new int[count];
        for (var i = 0; i < count; i++)
        {
            cents[i] = 100 / count + (i < 100 % count ? 1 : 0);
        }

        return [.. cents.Select(c => c / 100.0)];
    }

    /// <summary>Writes a template value; <paramref name="entry"/> is the stage being written inside the stage pattern, -1 outside it.</summary>
    private void Write(Utf8JsonWriter json, JsonElement value, StageRequest request, IReadOnlyList<double> weights, int entry)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                json.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    if (entry < 0 && member.NameEquals(Placeholders.Stage))
                    {
                        for (var i = 0; i < request.Stages.Count; i++)
                        {
                            json.WritePropertyName(request.Stages[i].Value ?? "null");
                            Write(json, member.Value, request, weights, i);
                        }
                    }
                    else
                    {
                        json.WritePropertyName(member.Name);
                        Write(json, member.Value, request, weights, entry);
                    }
                }

                json.WriteEndObject();
                break;
            case JsonValueKind.Array:
                json.WriteStartArray();
                if (entry < 0 && BodyTemplate.IsStagePattern(value))
                {
                    for (var i = 0; i < request.Stages.Count; i++)
                    {
                        Write(json, value[0], request, weights, i);
                    }
                }
                else
                {
                    foreach (var item in value.EnumerateArray())
                    {
                        Write(json, item, request, weights, entry);
                    }
                }

                json.WriteEndArray();
                break;
            case JsonValueKind.String:
                WriteText(json, value.GetString()!, request, weights, entry);
                break;
            default:
                value.WriteTo(json);
                break;
        }
    }

    private void WriteText(Utf8JsonWriter json, string text, StageRequest request, IReadOnlyList<double> weights, int entry)
    {
        switch (text)
        {
            case Placeholders.Stage when entry >= 0:
                WriteStage(json, request.Stages[entry]);
                break;
            case Placeholders.Weight when entry >= 0:
                json.WriteNumberValue(weights[entry]);
                break;
            case Placeholders.FundId:
                json.WriteNumberValue(settings.FundId);
                break;
            case Placeholders.CompanyId:
                json.WriteNumberValue(settings.CompanyId);
                break;
            case Placeholders.Amount:
                json.WriteNumberValue(settings.Amount);
                break;
            case Placeholders.Runs:
                json.WriteNumberValue(settings.Runs);
                break;
            case Placeholders.Name:
                json.WriteStringValue("harness-" + request.RequestId);
                break;
            default:
                json.WriteStringValue(text);
                break;
        }
    }

    private static void WriteStage(Utf8JsonWriter json, RawStage stage)
    {
        if (!stage.IsString)
        {
            json.WriteRawValue(stage.Value ?? "null");
        }
        else if (stage.Value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(stage.Value);
        }
    }
}
