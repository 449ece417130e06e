using System.Globalization;
using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Profiles;

/// <summary><c>STAGE_PROFILE</c>, <c>STAGE_SUNSET</c> and <c>STAGE_DOCS_URL</c>: parsed and checked at start-up, one line naming the variable when invalid.</summary>
public static class ProfileVariables
{
    /// <summary>The profile named by <c>STAGE_PROFILE</c>; default <see cref="ServiceProfile.Default"/>.</summary>
    public static ServiceProfile Profile(string? text, string variable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ServiceProfile.Default;
        }

        return ServiceProfile.Named(text.Trim().ToLowerInvariant())
            ?? throw new ConfigurationException($"{variable}='{Printable(text)}' is not one of {string.Join(", ", ServiceProfile.All.Select(p => p.Name))}");
    }

    /// <summary>An IMF-fixdate (RFC 9110), for example <c>Wed, 30 Jun 2027 00:00:00 GMT</c>; null when not set.</summary>
    public static string? Sunset(string? text, string variable)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return DateTimeOffset.TryParseExact(trimmed, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
            && date.ToString("r", CultureInfo.InvariantCulture) == trimmed
                ? trimmed
                : throw new ConfigurationException($"{variable}='{Printable(text)}' is not an IMF-fixdate such as 'Wed, 30 Jun 2027 00:00:00 GMT'");
    }

    /// <summary>An absolute http(s) URL in visible ASCII that can stand inside <c>Link: &lt;...&gt;</c>; null when not set.</summary>
    public static string? DocsUrl(string? text, string variable)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && trimmed.All(c => c is > ' ' and < '\x7f' and not '<' and not '>' and not '"')
                ? trimmed
                : throw new ConfigurationException($"{variable}='{Printable(text)}' is not an absolute http(s) URL in visible ASCII (without <, > or \")");
    }

    private static string Printable(string text)
    {
        var cut = text.Length > 40 ? text[..40] + "..." : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
