namespace ReferenceImpl.Api.Funds;

/// <summary>A portfolio company. Its stage is what is stored: canonical for everything written through the API, possibly legacy (an alias, an unknown value, null) until the migration has run.</summary>
public sealed record Company(long Id, string Name, string? Stage);
