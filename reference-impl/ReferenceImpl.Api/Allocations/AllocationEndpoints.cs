using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.DocumentStore;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Problems;
using ReferenceImpl.Api.Profiles;
using ReferenceImpl.Api.Validation;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Allocations;

/// <summary>Reserve allocations: writes, persisted; each item's <c>stage</c> is a scalar input.</summary>
public static class AllocationEndpoints
{
    private const int MaxItems = 10_000;
    private const decimal MaxAmount = 1_000_000_000_000_000m;
    // As listed in the contract data (stage-contract.json); a test checks that the service maps exactly the data's endpoints.
    private const string Route = "/api/allocations";
    private const string ByIdRoute = "/api/allocations/{id}";
    private const string Resource = "allocation";

    public static IEndpointRouteBuilder MapAllocations(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Route, CreateAsync);
        routes.MapPut(ByIdRoute, ReplaceAsync);
        routes.MapPatch(ByIdRoute, ReplaceAsync);
        routes.MapGet(ByIdRoute, GetAsync);
        return routes;
    }

    private static Task<Results<Created<Allocation>, Ok<Allocation>, ProblemHttpResult>> CreateAsync(
        HttpContext context, StageValidator validator, IFundDirectory funds, IDocumentStore<Allocation> store, CancellationToken cancellationToken) =>
        DocumentHandlers.CreateAsync(context, Route, store, id => ReadAsync(context, id, validator, funds, cancellationToken), cancellationToken);

    /// <summary>PUT and PATCH both replace the items: an allocation is one set of items, so a partial item list has no meaning.</summary>
    private static Task<Results<Ok<Allocation>, ProblemHttpResult>> ReplaceAsync(
        HttpContext context, string id, StageValidator validator, IFundDirectory funds, IDocumentStore<Allocation> store, CancellationToken cancellationToken) =>
        DocumentHandlers.ReplaceAsync(context, id, Resource, store, _ => ReadAsync(context, id, validator, funds, cancellationToken), cancellationToken);

    private static Task<Results<Ok<Allocation>, ProblemHttpResult>> GetAsync(
        HttpContext context, string id, IDocumentStore<Allocation> store, CancellationToken cancellationToken) =>
        DocumentHandlers.GetAsync(context, id, Resource, store, cancellationToken);

    private static async Task<(Allocation? Allocation, ProblemHttpResult? Problem)> ReadAsync(
        HttpContext context, string id, StageValidator validator, IFundDirectory funds, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadObjectAsync(context, fieldErrors => validator.PayloadProblem(context, fieldErrors), cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        using (document)
        {
            var root = document!.RootElement;
            var errors = new List<FieldError>();
            var fundId = JsonReading.ReadInteger(root, "fundId", "fundId", 1, int.MaxValue, errors);
            var items = ReadItems(root, errors);
            if (errors.Count > 0)
            {
                return (null, validator.PayloadProblem(context, errors));
            }

            var check = validator.Scalars(context, [.. items.Select(i => i.Stage)], StageInputType.Scalar);
            if (check.Problem is { } rejected)
            {
                return (null, rejected);
            }

            if (await funds.FindAsync(fundId!.Value, cancellationToken).ConfigureAwait(false) is not { } fund)
            {
                return (null, FundProblems.NotFound(context, fundId.Value));
            }

            var allocation = Build(id, fund.Id, items, check.Stages, ServiceProfile.Of(context));
            if (allocation.Total > fund.ReserveCapacity)
            {
                return (null, Problem.Create(context, StatusCodes.Status422UnprocessableEntity, ServiceProblemCodes.ReserveExceeded,
                    "Reserve capacity exceeded",
                    FormattableString.Invariant($"the allocation totals {allocation.Total}, above the fund's reserve capacity of {fund.ReserveCapacity} (size x reserve ratio)")));
            }

            return (allocation, null);
        }
    }

    private static Allocation Build(string id, long fundId, List<(long CompanyId, RawStage Stage, decimal Amount)> items, IReadOnlyList<NormalizedStage> stages, ServiceProfile profile)
    {
        var byStage = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var result = new List<AllocationItem>(items.Count);
        decimal total = 0, unclassified = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (companyId, _, amount) = items[i];
            var stage = stages[i];
            total += amount;
            if (stage.IsKnown)
            {
                byStage[stage.Canonical!] = byStage.GetValueOrDefault(stage.Canonical!) + amount;
                result.Add(new AllocationItem(companyId, stage.Canonical, amount));
            }
            else
            {
                unclassified += amount;
                result.Add(AllocationEcho.Unknown(profile, companyId, stage.Raw, amount));
            }
        }

        return new Allocation(id, fundId, result, total, byStage, unclassified);
    }

    private static List<(long CompanyId, RawStage Stage, decimal Amount)> ReadItems(JsonElement root, List<FieldError> errors)
    {
        var items = new List<(long, RawStage, decimal)>();
        if (!root.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError("items", "is required: an array of {companyId, stage, amount}"));
            return items;
        }

        if (array.GetArrayLength() is 0 or > MaxItems)
        {
            errors.Add(new FieldError("items", $"must hold 1..{MaxItems} items"));
            return items;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = FormattableString.Invariant($"items[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(path, "must be an object {companyId, stage, amount}"));
                continue;
            }

            var companyId = JsonReading.ReadInteger(item, "companyId", path + ".companyId", 1, long.MaxValue, errors);
            decimal? amount = null;
            if (!item.TryGetProperty("amount", out var amountElement) || amountElement.ValueKind != JsonValueKind.Number
                || !amountElement.TryGetDecimal(out var value))
            {
                errors.Add(new FieldError(path + ".amount", "is required: a number"));
            }
            else if (value is < 0 or > MaxAmount)
            {
                errors.Add(new FieldError(path + ".amount", "must be within 0..1e15"));
            }
            else
            {
                amount = value;
            }

            if (companyId is { } c && amount is { } a)
            {
                items.Add((c, JsonReading.Stage(item, "stage"), a));
            }
        }

        return items;
    }
}
