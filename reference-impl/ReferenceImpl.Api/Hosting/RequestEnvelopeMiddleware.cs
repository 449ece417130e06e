using Microsoft.AspNetCore.Routing;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.Problems;
using StageContract;

namespace ReferenceImpl.Api.Hosting;

/// <summary>
/// Outermost: resolves and echoes the request id, counts <c>http_requests_total</c> by route
/// template (bounded; "unmatched" otherwise), and turns an unhandled exception into a 500 problem.
/// </summary>
public sealed class RequestEnvelopeMiddleware
{
    private readonly RequestDelegate _next;
    private readonly StageMetrics _metrics;
    private readonly string _requestIdHeader;
    private readonly ILogger<RequestEnvelopeMiddleware> _logger;
    private readonly bool _databaseDownAs500;

    public RequestEnvelopeMiddleware(RequestDelegate next, StageMetrics metrics, ContractRules rules, ILogger<RequestEnvelopeMiddleware> logger, Faults.FaultSet faults)
    {
        _databaseDownAs500 = Faults.StoreFaults.DatabaseDownAs500(faults);
        _next = next;
        _metrics = metrics;
        _requestIdHeader = rules.Data.Headers.RequestId;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var id = RequestIds.Resolve(context, _requestIdHeader);
        context.Response.Headers[_requestIdHeader] = id;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException e) when (DatabaseUnavailable.Is(e) && !_databaseDownAs500 && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The database is down or not answering: 503, so that clients retry (writes are idempotent by id for PUT; a retried POST may create a second resource, as with any POST).
            _logger.LogWarning(e, "the database is unavailable on request {RequestId}", id);
            context.Response.Clear();
            context.Response.Headers[_requestIdHeader] = id;
            context.Response.Headers.RetryAfter = "5";
            await Problem.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, ServiceProblemCodes.StoreUnavailable,
                "Store unavailable", "the database does not answer; retry later").ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            _logger.LogError(e, "unhandled error on request {RequestId}", id);
            context.Response.Clear();
            context.Response.Headers[_requestIdHeader] = id;
            await Problem.WriteAsync(context, StatusCodes.Status500InternalServerError, ServiceProblemCodes.InternalError,
                "Internal error", "the error was logged with this request's correlation id").ConfigureAwait(false);
        }
        finally
        {
            var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            _metrics.Request(template, context.Request.Method, context.Response.StatusCode);
        }
    }
}
