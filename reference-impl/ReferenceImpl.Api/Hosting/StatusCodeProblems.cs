using ReferenceImpl.Api.Problems;
using StageContract.Problems;

namespace ReferenceImpl.Api.Hosting;

/// <summary>Problem bodies for error statuses that the framework answers without one (404, 405, binding failures).</summary>
public static class StatusCodeProblems
{
    public static Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        var (code, title) = status switch
        {
            StatusCodes.Status404NotFound => (ServiceProblemCodes.NotFound, "Not found"),
            StatusCodes.Status405MethodNotAllowed => (ServiceProblemCodes.MethodNotAllowed, "Method not allowed"),
            StatusCodes.Status413PayloadTooLarge => (ServiceProblemCodes.PayloadTooLarge, "Payload too large"),
            StatusCodes.Status415UnsupportedMediaType => (ServiceProblemCodes.UnsupportedMediaType, "Unsupported media type"),
            StatusCodes.Status400BadRequest => (ProblemCodes.ValidationError, "Bad request"),
            _ => ("HTTP_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture), "HTTP " + status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return Problem.WriteAsync(context, status, code, title);
    }
}
