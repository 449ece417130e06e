using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>Checks by meaning, for the conformance suite: what the contract fixes, accepting every spelling it allows.</summary>
internal static partial class Conformance
{
    /// <summary>The settings whose effective mode (without write-only) is named <paramref name="configuration"/>.</summary>
    public static ModeSettings Settings(string configuration) => configuration switch
    {
        "off" => new() { GlobalMode = ValidationMode.Off },
        "warn" => new() { GlobalMode = ValidationMode.Warn },
        "shadow" => new() { GlobalMode = ValidationMode.Warn, DryRun = true },
        _ => new() { GlobalMode = ValidationMode.Enforce },
    };

    /// <summary>A problem response: the status, the problem media type (parameters allowed), the members of contract section 5.</summary>
    public static async Task<JsonDocument> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("code").GetString()));
        Assert.Equal(OutcomeTableTests.Header(response, "X-Request-Id"), root.GetProperty("correlationId").GetString());
        return document;
    }

    /// <summary>The listed values, decoded (either spelling of the empty value).</summary>
    public static List<string> Variants(string header) => [.. header.Split(',').Select(Decode)];

    public static string Decode(string item) => item == "\"\"" ? "" : Uri.UnescapeDataString(item);

    /// <summary>A decoded item stands for a sent value: equal, or a cut of it (with or without a trailing marker).</summary>
    public static bool Matches(string decoded, string sent) =>
        decoded == sent || (decoded.Length > 0 && (sent.StartsWith(decoded, StringComparison.Ordinal)
            || (decoded.EndsWith("...", StringComparison.Ordinal) && sent.StartsWith(decoded[..^3], StringComparison.Ordinal))));

    public static bool IsImfFixdate(string text) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date)
        && date.ToString("r", CultureInfo.InvariantCulture) == text;

    public static bool IsVisibleAscii(string text, bool space) => text.All(c => c is > ' ' and < '\x7f' || (space && c == ' '));

    [GeneratedRegex("^<(?<url>[^>]+)>\\s*;\\s*rel=(?:\"deprecation\"|deprecation)$")]
    public static partial Regex LinkPattern();
}
