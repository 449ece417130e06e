using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Validation;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Funds;

/// <summary>
/// <c>GET /api/funds/{fundId}/companies?stage=</c>: a read; the stage is a query input. Without
/// <c>stage</c> every company is listed and nothing is validated. An unknown stage served outside
/// enforce matches no company: a filter is never silently widened.
/// </summary>
public static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(StageRoutes.Companies, List);
        return routes;
    }

    private static Results<Ok<CompanyList>, ProblemHttpResult> List(HttpContext context, long fundId, StageValidator validator, FundCatalog funds)
    {
        var values = context.Request.Query["stage"];
        IReadOnlyList<NormalizedStage> stages = [];
        if (values.Count > 0)
        {
            var check = validator.Scalars(context, [.. values.Select(RawStage.FromString)], InputType.Query);
            if (check.Problem is { } rejected)
            {
                return rejected;
            }

            stages = check.Stages;
        }

        if (funds.Find(fundId) is not { } fund)
        {
            return FundProblems.NotFound(context, fundId);
        }

        var wanted = stages.Where(s => s.IsKnown).Select(s => s.Canonical!).ToHashSet(StringComparer.Ordinal);
        var companies = values.Count == 0 ? fund.Companies : [.. fund.Companies.Where(c => wanted.Contains(c.Stage))];
        return TypedResults.Ok(new CompanyList(fund.Id, [.. wanted], companies));
    }
}

/// <summary>Response of the companies endpoint.</summary>
public sealed record CompanyList(long FundId, IReadOnlyList<string> Stages, IReadOnlyList<Company> Companies);
