namespace ReferenceImpl.Api.Webhook;

/// <summary>What the webhook did.</summary>
public sealed record DowngradeResult(bool Changed, string From, string To);
