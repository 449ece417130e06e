using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Problems;
using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>
/// <c>GET</c>/<c>PUT /_ops/stage-validation/mode</c> and <c>GET .../audit</c>, behind the ops bearer
/// token. Without a configured token the ops API is disabled (403), never open.
/// </summary>
public static class OpsEndpoints
{
    public const string ModeRoute = "/_ops/stage-validation/mode";
    public const string AuditRoute = "/_ops/stage-validation/audit";

    public static IEndpointRouteBuilder MapOps(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(ModeRoute, GetAsync);
        routes.MapPut(ModeRoute, PutAsync);
        routes.MapGet(AuditRoute, Audit);
        return routes;
    }

    private static async Task<Results<Ok<ModeView>, ProblemHttpResult>> GetAsync(
        HttpContext context, ServiceOptions options, ModeProvider modes, CancellationToken cancellationToken)
    {
        if (Denied(context, options) is { } denied)
        {
            return denied;
        }

        var mode = await modes.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ModeView(mode.ToWire(), options.Modes.GlobalMode.ToWire()));
    }

    private static async Task<Results<Ok<ModeChange>, ProblemHttpResult>> PutAsync(
        HttpContext context, ServiceOptions options, ModeProvider modes, CancellationToken cancellationToken)
    {
        if (Denied(context, options) is { } denied)
        {
            return denied;
        }

        var (document, problem) = await JsonBody.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        using (document)
        {
            var root = document!.RootElement;
            var errors = new List<FieldError>();
            ValidationMode? mode = null;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("mode", out var modeElement)
                || modeElement.ValueKind != JsonValueKind.String
                || !ModeNames.TryParse(modeElement.GetString(), out mode))
            {
                errors.Add(new FieldError("mode", "is required: \"off\", \"warn\" or \"enforce\""));
            }

            var reason = Text(root, "reason", errors, required: true);
            var actor = Text(root, "actor", errors, required: false) ?? "ops-api";
            if (errors.Count > 0)
            {
                return Problem.Validation(context, errors);
            }

            var entry = await modes.SetAsync(mode!.Value, actor, reason!, cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(ModeChange.From(entry));
        }
    }

    private static Results<Ok<IReadOnlyList<ModeChange>>, ProblemHttpResult> Audit(HttpContext context, ServiceOptions options, ModeAuditLog audit) =>
        Denied(context, options) is { } denied
            ? denied
            : TypedResults.Ok<IReadOnlyList<ModeChange>>([.. audit.Entries().Select(ModeChange.From)]);

    private static ProblemHttpResult? Denied(HttpContext context, ServiceOptions options) =>
        options.OpsToken is null
            ? Problem.Create(context, StatusCodes.Status403Forbidden, ServiceProblemCodes.OpsDisabled, "Ops API disabled", "start the service with STAGE_OPS_TOKEN to enable it")
            : BearerToken.Matches(context, options.OpsToken)
                ? null
                : Problem.Create(context, StatusCodes.Status401Unauthorized, ServiceProblemCodes.Unauthorized, "Unauthorized", "a valid bearer token is required");

    private static string? Text(JsonElement root, string name, List<FieldError> errors, bool required)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 500 } text)
        {
            return text;
        }

        if (required || (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out _)))
        {
            errors.Add(new FieldError(name, "must be a non-empty string of at most 500 characters"));
        }

        return null;
    }
}
