using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Problems;

namespace ReferenceImpl.Api.Funds;

/// <summary>Problems about funds.</summary>
public static class FundProblems
{
    /// <summary>404 for a fund that does not exist.</summary>
    public static ProblemHttpResult NotFound(HttpContext context, long fundId) =>
        Problem.Create(context, StatusCodes.Status404NotFound, ServiceProblemCodes.NotFound, "Fund not found",
            FormattableString.Invariant($"fund {fundId} does not exist"));
}
