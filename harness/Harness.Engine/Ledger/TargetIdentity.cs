namespace Harness.Engine.Ledger;

/// <summary>
/// The key a target is known by in the ledger: <c>embedded</c>, or its base URL with the scheme and
/// host lower-cased, the default port dropped and one trailing slash, so that
/// <c>HTTP://Host:80/api</c> and <c>http://host/api/</c> are the same target.
/// </summary>
public static class TargetIdentity
{
    /// <summary>The identity of the embedded reference target.</summary>
    public const string Embedded = "embedded";

    /// <summary>The identity of a target given as <c>embedded</c> or a URL; null when it is neither.</summary>
    public static string? Of(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target == Embedded)
        {
            return Embedded;
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/') + "/";
        return $"{url.Scheme}://{url.IdnHost.ToLowerInvariant()}{(url.IsDefaultPort ? "" : ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}{path}";
    }
}
