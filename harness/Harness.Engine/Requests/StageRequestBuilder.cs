using System.Globalization;
using System.Text;
using System.Text.Json;
using StageContract.Normalization;

namespace Harness.Engine.Requests;

/// <summary>Turns a <see cref="StageRequest"/> into HTTP, with exact weights that sum to 1.</summary>
public sealed class StageRequestBuilder(TrafficSettings settings)
{
    /// <summary>The HTTP request, or null when the route needs an id that <paramref name="ids"/> does not have.</summary>
    public HttpRequestMessage? Build(StageRequest request, ResourceIds ids)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ids);
        var endpoint = request.Endpoint;
        string? path = endpoint.RouteTemplate switch
        {
            "/api/portfolio/strategies/{id}" => ids.StrategyId is { } s ? $"api/portfolio/strategies/{s}" : null,
            "/api/allocations/{id}" => ids.AllocationId is { } a ? $"api/allocations/{a}" : null,
            "/api/funds/{fundId}/companies" => string.Create(CultureInfo.InvariantCulture,
                $"api/funds/{settings.FundId}/companies?stage={Uri.EscapeDataString(request.Stages[0].Value ?? "")}"),
            var t => t.TrimStart('/'),
        };
        if (path is null)
        {
            return null;
        }

        var message = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(path, UriKind.Relative));
        message.Headers.TryAddWithoutValidation("X-Request-Id", request.RequestId);
        if (endpoint.InputType != StageInputType.Query)
        {
            message.Content = new StringContent(Body(request), Encoding.UTF8, "application/json");
        }

        return message;
    }

    /// <summary>The JSON body for a body-carrying request.</summary>
    public string Body(StageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("fundId", settings.FundId);
            var weights = Weights(request.Stages.Count);
            switch (request.Endpoint.InputType)
            {
                case StageInputType.Array:
                    json.WriteNumber("runs", settings.Runs);
                    json.WriteNumber("seed", 1);
                    json.WriteStartArray("stageDistribution");
                    for (var i = 0; i < request.Stages.Count; i++)
                    {
                        json.WriteStartObject();
                        json.WritePropertyName("stage");
                        WriteStage(json, request.Stages[i]);
                        json.WriteNumber("weight", weights[i]);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
                case StageInputType.Object:
                    json.WriteString("name", "harness-" + request.RequestId);
                    json.WriteStartObject("stageAllocation");
                    for (var i = 0; i < request.Stages.Count; i++)
                    {
                        json.WriteNumber(request.Stages[i].Value ?? "null", weights[i]);
                    }

                    json.WriteEndObject();
                    break;
                default:
                    json.WriteStartArray("items");
                    foreach (var stage in request.Stages)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("companyId", settings.CompanyId);
                        json.WritePropertyName("stage");
                        WriteStage(json, stage);
                        json.WriteNumber("amount", settings.Amount);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
            }

            json.WriteEndObject();
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
