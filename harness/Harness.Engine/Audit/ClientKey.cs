namespace Harness.Engine.Audit;

/// <summary>What identifies a client: <c>ip</c>, <c>ua</c> or <c>header:&lt;name&gt;</c> (for example <c>header:X-Api-Key</c>).</summary>
/// <param name="Kind">Which part of a request.</param>
/// <param name="HeaderName">The header, for <see cref="ClientKeyKind.Header"/>.</param>
public sealed record ClientKey(ClientKeyKind Kind, string? HeaderName = null)
{
    /// <summary>The remote address (the default).</summary>
    public static ClientKey Ip { get; } = new(ClientKeyKind.Ip);

    /// <summary>Parses <c>ip</c>, <c>ua</c> (or <c>user-agent</c>) and <c>header:&lt;name&gt;</c>; null when it is none of them.</summary>
    public static ClientKey? Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Equals("ip", StringComparison.OrdinalIgnoreCase))
        {
            return Ip;
        }

        if (value.Equals("ua", StringComparison.OrdinalIgnoreCase) || value.Equals("user-agent", StringComparison.OrdinalIgnoreCase))
        {
            return new ClientKey(ClientKeyKind.UserAgent);
        }

        if (value.StartsWith("header:", StringComparison.OrdinalIgnoreCase) && value.Length > "header:".Length
            && !value.AsSpan("header:".Length).ContainsAnyExceptInRange('!', '~'))
        {
            var name = value["header:".Length..];
            return name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ? new ClientKey(ClientKeyKind.UserAgent) : new ClientKey(ClientKeyKind.Header, name);
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ClientKeyKind.Ip => "ip",
        ClientKeyKind.UserAgent => "ua",
        _ => "header:" + HeaderName,
    };
}
