using System.Globalization;
using System.Text.Json;
using GoldenPayloads.Corpus;
using StageContract.Distributions;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace GoldenPayloads.Oracle;

/// <summary>
/// Reads a golden request the way the contract describes the endpoint's shape (section 6), with the
/// structural rules of section 2. Independent of any service code: this is the oracle's own reading.
/// It is kept independent of the contract data's body templates on purpose, and knows each
/// endpoint by its route as section 6 writes it: a second reading of the contract catches bugs
/// that a reading shared with the service and the request builder would hide. So a new corpus
/// endpoint needs its reading here too. Besides the corpus endpoints it reads the writes and reads
/// by id (for classifying captured traffic): PUT and PATCH take the create's shape, except that a
/// PATCH of a strategy names only the members it changes (docs/decisions.md), and a GET by id
/// carries no stage.
/// </summary>
internal static class PayloadReader
{
    /// <summary>Largest <c>runs</c> of a Monte Carlo request.</summary>
    public const int MaxRuns = 100_000;

    private const string MonteCarlo = "/api/monte-carlo/simulate";
    private const string Strategies = "/api/portfolio/strategies";
    private const string Allocations = "/api/allocations";
    private const string Companies = "/api/funds/{fundId}/companies";
    private const string StrategyById = "/api/portfolio/strategies/{id}";
    private const string AllocationById = "/api/allocations/{id}";

    public static PayloadReading Read(GoldenCase golden)
    {
        var route = golden.Endpoint.Route;
        if (route is not (MonteCarlo or Strategies or Allocations or Companies or StrategyById or AllocationById))
        {
            throw new InvalidOperationException($"the golden oracle has no reading of {golden.Endpoint}: teach PayloadReader its shape (contract section 6)");
        }

        if (route == Companies)
        {
            return ReadCompanies(golden.Request.Path);
        }

        if (golden.Request.Method == "GET")
        {
            return new PayloadReading(false, [], null, StageInputType.None, null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(golden.Request.BodyText ?? "");
        }
        catch (JsonException)
        {
            return PayloadReading.NotJson();
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new PayloadReading(false, ["$: the body must be a JSON object"], null, StageInputType.None, null, null);
            }

            var errors = new List<string>();
            var partial = route == StrategyById && golden.Request.Method == "PATCH";
            var fundId = Integer(root, "fundId", 1, int.MaxValue, errors, required: !partial);
            return route switch
            {
                MonteCarlo => ReadMonteCarlo(root, fundId, errors),
                Strategies or StrategyById => ReadStrategy(root, fundId, errors, partial),
                _ => ReadAllocation(root, fundId, errors),
            };
        }
    }

    private static PayloadReading ReadMonteCarlo(JsonElement root, long? fundId, List<string> errors)
    {
        Integer(root, "runs", 1, MaxRuns, errors, required: true);
        Integer(root, "seed", 0, int.MaxValue, errors, required: false);
        var entries = new List<WeightedStage>();
        if (Member(root, "stageDistribution") is not { } array)
        {
            errors.Add("stageDistribution: is required");
        }
        else if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add("stageDistribution: must be an array of {stage, weight}");
        }
        else
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"stageDistribution[{index++}]");
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(path + ": must be an object {stage, weight}");
                }
                else if (Weight(Member(item, "weight"), path + ".weight", errors) is { } weight)
                {
                    entries.Add(new WeightedStage(Stage(item), weight));
                }
            }
        }

        return new PayloadReading(false, errors, fundId, StageInputType.Array, entries, null);
    }

    /// <summary>A strategy; with <paramref name="partial"/> (PATCH) every member is optional, and without <c>stageAllocation</c> no stage is read.</summary>
    private static PayloadReading ReadStrategy(JsonElement root, long? fundId, List<string> errors, bool partial)
    {
        var name = Member(root, "name");
        if ((name is not null || !partial) && (name is not { ValueKind: JsonValueKind.String } text || string.IsNullOrWhiteSpace(text.GetString())))
        {
            errors.Add("name: is required and must be a non-blank string");
        }

        var entries = new List<WeightedStage>();
        if (Member(root, "stageAllocation") is not { } allocation)
        {
            if (partial)
            {
                return new PayloadReading(false, errors, fundId, StageInputType.None, null, null);
            }

            errors.Add("stageAllocation: is required");
        }
        else if (allocation.ValueKind != JsonValueKind.Object)
        {
            errors.Add("stageAllocation: must be an object of stage to weight");
        }
        else
        {
            foreach (var property in allocation.EnumerateObject())
            {
                if (Weight(property.Value, "stageAllocation." + property.Name, errors) is { } weight)
                {
                    entries.Add(new WeightedStage(RawStage.FromString(property.Name), weight));
                }
            }
        }

        return new PayloadReading(false, errors, fundId, StageInputType.Object, entries, null);
    }

    private static PayloadReading ReadAllocation(JsonElement root, long? fundId, List<string> errors)
    {
        var stages = new List<RawStage>();
        if (Member(root, "items") is not { } items)
        {
            errors.Add("items: is required");
        }
        else if (items.ValueKind != JsonValueKind.Array)
        {
            errors.Add("items: must be an array of {companyId, stage, amount}");
        }
        else if (items.GetArrayLength() == 0)
        {
            errors.Add("items: must hold at least one item");
        }
        else
        {
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"items[{index++}]");
                if (item.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(path + ": must be an object {companyId, stage, amount}");
                    continue;
                }

                var itemErrors = new List<string>();
                Integer(item, "companyId", 1, long.MaxValue, itemErrors, required: true);
                Amount(Member(item, "amount"), "amount", itemErrors);
                errors.AddRange(itemErrors.Select(e => path + "." + e));
                stages.Add(Stage(item));
            }
        }

        return new PayloadReading(false, errors, fundId, StageInputType.Scalar, null, stages);
    }

    private static PayloadReading ReadCompanies(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var route = query < 0 ? path : path[..query];
        var fundId = long.Parse(route.Split('/')[3], NumberStyles.None, CultureInfo.InvariantCulture);
        var stages = new List<RawStage>();
        if (query >= 0)
        {
            foreach (var pair in path[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Decode(equals < 0 ? pair : pair[..equals]);
                if (name == "stage")
                {
                    stages.Add(RawStage.FromString(equals < 0 ? "" : Decode(pair[(equals + 1)..])));
                }
            }
        }

        return stages.Count == 0
            ? new PayloadReading(false, [], fundId, StageInputType.None, null, null)
            : new PayloadReading(false, [], fundId, StageInputType.Query, null, stages);
    }

    /// <summary>application/x-www-form-urlencoded decoding, as servers read a query: '+' is a space.</summary>
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static RawStage Stage(JsonElement item) => Member(item, "stage") switch
    {
        null => RawStage.FromString(null),
        { ValueKind: JsonValueKind.String } s => RawStage.FromString(s.GetString()),
        { } other => RawStage.NotAString(other.GetRawText()),
    };

    private static long? Integer(JsonElement obj, string name, long min, long max, List<string> errors, bool required)
    {
        if (Member(obj, name) is not { } value)
        {
            if (required)
            {
                errors.Add(name + ": is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: must be an integer within {min}..{max}"));
            return null;
        }

        return number;
    }

    private static double? Weight(JsonElement? value, string path, List<string> errors)
    {
        if (value is not { ValueKind: JsonValueKind.Number } number)
        {
            errors.Add(path + ": weight must be a JSON number");
            return null;
        }

        if (!number.TryGetDouble(out var weight))
        {
            errors.Add(path + ": weight must be a finite number");
            return null;
        }

        if (DistributionEvaluator.WeightError(weight) is { } message)
        {
            errors.Add(path + ": " + message);
            return null;
        }

        return weight;
    }

    private static void Amount(JsonElement? value, string path, List<string> errors)
    {
        if (value is not { ValueKind: JsonValueKind.Number } number || !number.TryGetDouble(out var amount) || !double.IsFinite(amount))
        {
            errors.Add(path + ": amount must be a finite JSON number");
        }
        else if (amount < 0)
        {
            errors.Add(path + ": amount must be >= 0");
        }
    }
}
