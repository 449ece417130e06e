using System.Security.Cryptography;

namespace Harness.Acceptance.Tests.Targets;

/// <summary>
/// The secrets a team configures on its service and hands to the harness for the auto-downgrade drill
/// and the webhook checks: fresh for every target, given to the service in code and to the CLI as
/// <c>REHEARSE_*</c> variables of its injected environment.
/// </summary>
public sealed record DrillCredentials(string WebhookHmacKey, string WebhookBearerToken, string OpsToken)
{
    public static DrillCredentials Fresh() => new(Secret(), Secret(), Secret());

    /// <summary>The variables a team sets for a URL target (contract sections 7-8; harness README).</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["REHEARSE_WEBHOOK_HMAC_KEY"] = WebhookHmacKey,
        ["REHEARSE_WEBHOOK_TOKEN"] = WebhookBearerToken,
        ["REHEARSE_OPS_TOKEN"] = OpsToken,
    };

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
