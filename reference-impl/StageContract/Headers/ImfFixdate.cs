using System.Globalization;

namespace StageContract.Headers;

/// <summary>The IMF-fixdate of RFC 9110 section 5.6.7 (<c>Wed, 30 Jun 2027 00:00:00 GMT</c>), the form the <c>Sunset</c> header takes.</summary>
public static class ImfFixdate
{
    /// <summary>The instant, when <paramref name="text"/> is exactly an IMF-fixdate (day name consistent with the date); else null.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        text is not null
        && DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var instant)
        && instant.ToString("r", CultureInfo.InvariantCulture) == text
            ? instant
            : null;
}
