using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Problems;
using ReferenceImpl.Api.Validation;
using StageContract.Distributions;
using StageContract.Endpoints;

namespace ReferenceImpl.Api.MonteCarlo;

/// <summary><c>POST /api/monte-carlo/simulate</c>: a read; pure computation over a stage distribution (array input).</summary>
public static class MonteCarloEndpoints
{
    // As listed in the contract data (stage-contract.json); a test checks that the service maps exactly the data's endpoints.
    private const string Route = "/api/monte-carlo/simulate";

    public static IEndpointRouteBuilder MapMonteCarlo(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, SimulateAsync);
        return routes;
    }

    private static async Task<Results<Ok<MonteCarloResponse>, ProblemHttpResult>> SimulateAsync(
        HttpContext context, StageValidator validator, IFundDirectory funds, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadObjectAsync(context, fieldErrors => validator.PayloadProblem(context, fieldErrors), cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var root = document!.RootElement;
            var errors = new List<FieldError>();
            var fundId = JsonReading.ReadInteger(root, "fundId", "fundId", 1, int.MaxValue, errors);
            var runs = JsonReading.ReadInteger(root, "runs", "runs", 1, 100_000, errors);
            var seed = JsonReading.ReadInteger(root, "seed", "seed", 0, int.MaxValue, errors, required: false);
            var entries = ReadDistribution(root, errors);
            if (errors.Count > 0)
            {
                return validator.PayloadProblem(context, errors);
            }

            var check = validator.Distribution(context, entries, StageInputType.Array,
                i => i < 0 ? "stageDistribution" : FormattableString.Invariant($"stageDistribution[{i}].weight"));
            if (check.Check.Problem is { } rejected)
            {
                return rejected;
            }

            if (await funds.FindAsync(fundId!.Value, cancellationToken).ConfigureAwait(false) is null)
            {
                return FundProblems.NotFound(context, fundId.Value);
            }

            var usedSeed = seed is { } s ? (int)s : RandomNumberGenerator.GetInt32(int.MaxValue);
            var results = MonteCarloSimulator.Simulate(check.Merged, (int)runs!.Value, usedSeed);
            return TypedResults.Ok(new MonteCarloResponse(fundId.Value, (int)runs.Value, usedSeed, check.Merged,
                IgnoredStage.From(entries, check.Check.Stages), results));
        }
    }

    private static List<WeightedStage> ReadDistribution(JsonElement root, List<FieldError> errors)
    {
        var entries = new List<WeightedStage>();
        if (!root.TryGetProperty("stageDistribution", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError("stageDistribution", "is required"));
            return entries;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError("stageDistribution", "must be an array of {stage, weight}"));
            return entries;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = FormattableString.Invariant($"stageDistribution[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(path, "must be an object {stage, weight}"));
                continue;
            }

            if (!item.TryGetProperty("weight", out var weightElement))
            {
                errors.Add(new FieldError(path + ".weight", "is required"));
                continue;
            }

            if (JsonReading.Weight(weightElement, path + ".weight", errors) is { } weight)
            {
                entries.Add(new WeightedStage(JsonReading.Stage(item, "stage"), weight));
            }
        }

        return entries;
    }
}
