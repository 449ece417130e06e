using System.Collections;

namespace Harness.Engine.Targets;

/// <summary>
/// Secrets a drill needs to act on a target like its operators would: the webhook's HMAC key or
/// bearer token, and the ops token to restore the mode afterwards. Never written to a report.
/// For a URL target they come from <c>REHEARSE_WEBHOOK_HMAC_KEY</c>, <c>REHEARSE_WEBHOOK_TOKEN</c>
/// and <c>REHEARSE_OPS_TOKEN</c>; the embedded target makes its own.
/// </summary>
public sealed record TargetCredentials(string? WebhookHmacKey, string? WebhookBearerToken, string? OpsToken)
{
    /// <summary>No credentials.</summary>
    public static TargetCredentials None { get; } = new(null, null, null);

    /// <summary>Reads the <c>REHEARSE_*</c> variables; empty values count as absent.</summary>
    public static TargetCredentials FromEnvironment(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return FromEnvironment(name => variables.Contains(name) ? variables[name] as string : null);
    }

    /// <summary>Reads the <c>REHEARSE_*</c> variables through <paramref name="variable"/> (name to value); empty values count as absent.</summary>
    public static TargetCredentials FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;
        return new(Get("REHEARSE_WEBHOOK_HMAC_KEY"), Get("REHEARSE_WEBHOOK_TOKEN"), Get("REHEARSE_OPS_TOKEN"));
    }

    /// <summary>Shows which secrets are present, never their values.</summary>
    public override string ToString() =>
        $"hmac={(WebhookHmacKey is null ? "no" : "yes")} bearer={(WebhookBearerToken is null ? "no" : "yes")} ops={(OpsToken is null ? "no" : "yes")}";
}
