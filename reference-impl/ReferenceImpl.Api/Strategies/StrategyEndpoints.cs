using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.DocumentStore;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Problems;
using ReferenceImpl.Api.Validation;
using StageContract.Endpoints;

namespace ReferenceImpl.Api.Strategies;

/// <summary>Portfolio strategies: writes, persisted; the stage input is <c>stageAllocation</c> (object input).</summary>
public static class StrategyEndpoints
{
    private const int MaxNameLength = 200;
    // As listed in the contract data (stage-contract.json); a test checks that the service maps exactly the data's endpoints.
    private const string Route = "/api/portfolio/strategies";
    private const string ByIdRoute = "/api/portfolio/strategies/{id}";
    private const string Resource = "strategy";

    public static IEndpointRouteBuilder MapStrategies(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, CreateAsync);
        routes.MapPut(ByIdRoute, (HttpContext c, string id, StageValidator v, IFundDirectory f, IDocumentStore<Strategy> s, CancellationToken t) => UpdateAsync(c, id, partial: false, v, f, s, t));
        routes.MapPatch(ByIdRoute, (HttpContext c, string id, StageValidator v, IFundDirectory f, IDocumentStore<Strategy> s, CancellationToken t) => UpdateAsync(c, id, partial: true, v, f, s, t));
        routes.MapGet(ByIdRoute, GetAsync);
        return routes;
    }

    private static Task<Results<Created<Strategy>, Ok<Strategy>, ProblemHttpResult>> CreateAsync(
        HttpContext context, StageValidator validator, IFundDirectory funds, IDocumentStore<Strategy> store, CancellationToken cancellationToken) =>
        DocumentHandlers.CreateAsync(context, Route, store, id => ReadAsync(context, id, existing: null, validator, funds, cancellationToken), cancellationToken);

    private static Task<Results<Ok<Strategy>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, string id, bool partial, StageValidator validator, IFundDirectory funds, IDocumentStore<Strategy> store, CancellationToken cancellationToken) =>
        DocumentHandlers.ReplaceAsync(context, id, Resource, store, existing => ReadAsync(context, id, partial ? existing : null, validator, funds, cancellationToken), cancellationToken);

    private static Task<Results<Ok<Strategy>, ProblemHttpResult>> GetAsync(
        HttpContext context, string id, IDocumentStore<Strategy> store, CancellationToken cancellationToken) =>
        DocumentHandlers.GetAsync(context, id, Resource, store, cancellationToken);

    /// <summary>
    /// Reads and validates a strategy body. With <paramref name="existing"/> (PATCH) every member is
    /// optional and missing members keep their stored values.
    /// </summary>
    private static async Task<(Strategy? Strategy, ProblemHttpResult? Problem)> ReadAsync(
        HttpContext context, string id, Strategy? existing, StageValidator validator, IFundDirectory funds, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadObjectAsync(context, fieldErrors => validator.PayloadProblem(context, fieldErrors), cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var root = document!.RootElement;
            var partial = existing is not null;
            var errors = new List<FieldError>();
            var fundId = JsonReading.ReadInteger(root, "fundId", "fundId", 1, int.MaxValue, errors, required: !partial) ?? existing?.FundId;
            var name = ReadName(root, errors, required: !partial) ?? existing?.Name;
            var entries = ObjectDistribution.Read(root, "stageAllocation", errors, required: !partial);
            if (partial && entries is null && !root.TryGetProperty("name", out _) && !root.TryGetProperty("fundId", out _) && errors.Count == 0)
            {
                errors.Add(new FieldError("$", "a PATCH must set at least one of fundId, name, stageAllocation"));
            }

            if (errors.Count > 0)
            {
                return (null, validator.PayloadProblem(context, errors));
            }

            IReadOnlyDictionary<string, double> allocation = existing?.StageAllocation ?? new Dictionary<string, double>();
            IReadOnlyList<IgnoredStage> ignored = existing?.IgnoredStages ?? [];
            if (entries is not null)
            {
                var check = validator.Distribution(context, entries.Select(e => e.Entry).ToList(), StageInputType.Object,
                    i => i < 0 ? "stageAllocation" : entries[i].Path);
                if (check.Check.Problem is { } rejected)
                {
                    return (null, rejected);
                }

                allocation = check.Merged.ToDictionary(m => m.Stage, m => m.Weight, StringComparer.Ordinal);
                ignored = IgnoredStage.From([.. entries.Select(e => e.Entry)], check.Check.Stages);
            }

            if (await funds.FindAsync(fundId!.Value, cancellationToken).ConfigureAwait(false) is null)
            {
                return (null, FundProblems.NotFound(context, fundId.Value));
            }

            return (new Strategy(id, fundId.Value, name!, allocation, ignored), null);
        }
    }

    private static string? ReadName(JsonElement root, List<FieldError> errors, bool required)
    {
        if (!root.TryGetProperty("name", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new FieldError("name", "is required"));
            }

            return null;
        }

        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            errors.Add(new FieldError("name", $"must be a non-blank string of at most {MaxNameLength} characters"));
            return null;
        }

        return name;
    }
}
