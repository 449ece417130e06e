namespace Harness.Engine.Gates.Drills;

/// <summary>The parameters of the webhook-hardening gate: none.</summary>
public sealed record WebhookHardeningOptions;
