using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReferenceImpl.Api.Profiles;
using StageContract.Problems;

namespace ReferenceImpl.Api.Problems;

/// <summary>RFC 9457 problem details with the contract's <c>code</c> and <c>correlationId</c>.</summary>
public static class Problem
{
    /// <summary>A problem result; <paramref name="extensions"/> are added beside the standard members.</summary>
    public static ProblemHttpResult Create(HttpContext context, int status, string code, string title, string? detail = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var style = ServiceProfile.Of(context).Problems;
        code = style.Code(code);
        var problem = new ProblemDetails
        {
            Type = style.TypeUri(code),
            Title = style.Title(code, title),
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["correlationId"] = RequestIds.Of(context);
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>400 VALIDATION_ERROR with the field errors.</summary>
    public static ProblemHttpResult Validation(HttpContext context, IReadOnlyList<FieldError> errors, string code = ProblemCodes.ValidationError) =>
        Create(context, StatusCodes.Status400BadRequest, code,
            code == ProblemCodes.InvalidStageWeights ? "Stage weights do not sum to 1" : "The request is not valid",
            extensions: [new("errors", errors)]);

    /// <summary>Writes a problem outside an endpoint (status code pages, exception handler).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string title, string? detail = null) =>
        Create(context, status, code, title, detail).ExecuteAsync(context);
}
