using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Profiles;
using ReferenceImpl.Api.Validation;
using StageContract.Endpoints;
using StageContract.Normalization;

namespace ReferenceImpl.Api.Funds;

/// <summary>
/// <c>GET /api/funds/{fundId}/companies?stage=</c>: a read; the stage is a query input. Without
/// <c>stage</c> every company is listed and nothing is validated. An unknown stage served outside
/// enforce matches no company: a filter is never silently widened. The filter compares the stored
/// stage with the canonical one, so legacy rows match only once the migration has normalized them.
/// </summary>
public static class CompanyEndpoints
{
    // As listed in the contract data (stage-contract.json); a test checks that the service maps exactly the data's endpoints.
    private const string Route = "/api/funds/{fundId}/companies";

    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, ListAsync);
        return routes;
    }

    private static async Task<Results<Ok<CompanyList>, ProblemHttpResult>> ListAsync(HttpContext context, long fundId, StageValidator validator, CompanyFilter filter, IFundDirectory funds, CancellationToken cancellationToken)
    {
        var values = context.Request.Query["stage"];
        IReadOnlyList<NormalizedStage> stages = [];
        if (values.Count > 0)
        {
            var check = validator.Scalars(context, [.. values.Select(RawStage.FromString)], StageInputType.Query);
            if (check.Problem is { } rejected)
            {
                return rejected;
            }

            stages = check.Stages;
        }

        var wanted = filter.Values(stages);
        if (await funds.CompaniesAsync(fundId, values.Count == 0 ? null : wanted, cancellationToken).ConfigureAwait(false) is not { } companies)
        {
            return FundProblems.NotFound(context, fundId);
        }

        return TypedResults.Ok(new CompanyList(fundId, wanted, companies));
    }
}
