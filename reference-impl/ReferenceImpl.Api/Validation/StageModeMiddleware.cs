using Microsoft.AspNetCore.Routing;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.Problems;
using StageContract;
using StageContract.Modes;

namespace ReferenceImpl.Api.Validation;

/// <summary>
/// Runs after routing: for the stage endpoints (the contract data's route templates), takes the per-request decision of contract
/// section 3 and sets <c>X-Stage-Mode</c> before any handler code, so every response of those
/// endpoints (errors included) carries it.
/// </summary>
public sealed class StageModeMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ContractRules _rules;
    private readonly ModeProvider _modes;
    private readonly ModeSettings _settings;
    private readonly DecisionFaults _faults;

    public StageModeMiddleware(RequestDelegate next, ContractRules rules, ModeProvider modes, ServiceOptions options, DecisionFaults faults)
    {
        _next = next;
        _rules = rules;
        _modes = modes;
        _settings = options.Modes;
        _faults = faults;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } && _rules.Endpoints.IsStageRoute(template))
        {
            var global = await _modes.CurrentAsync(context.RequestAborted).ConfigureAwait(false);
            var settings = global == _settings.GlobalMode ? _settings : _settings with { GlobalMode = global };
            var requestId = RequestIds.Of(context);
            var mode = _faults.Decide(_rules, settings, context.Request.Method, template, requestId);
            new StageRequest(requestId, template, context.Request.Method, mode).Attach(context);
            if (_faults.SendsModeHeader(requestId))
            {
                context.Response.Headers[_rules.Data.Headers.Mode] = mode.ToWire();
            }
        }

        await _next(context).ConfigureAwait(false);
    }
}
