namespace ReferenceImpl.Api.Webhook;

/// <summary>The replay store cannot answer; the webhook answers 503.</summary>
public sealed class ReplayStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
