using StageContract.Modes;

namespace ReferenceImpl.Api.Validation;

/// <summary>What the mode middleware decided for a request to a stage endpoint.</summary>
public sealed record StageRequest(string RequestId, string Endpoint, string Method, EffectiveMode Mode)
{
    private const string ItemKey = "stage.request";

    /// <summary>The decision for this request; set by <see cref="StageModeMiddleware"/>.</summary>
    public static StageRequest Of(HttpContext context) =>
        context?.Items[ItemKey] as StageRequest ?? throw new InvalidOperationException("not a stage endpoint request");

    internal void Attach(HttpContext context) => context.Items[ItemKey] = this;
}
