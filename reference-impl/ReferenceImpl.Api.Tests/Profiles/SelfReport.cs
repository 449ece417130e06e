using System.Text.Json;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>What <c>GET /api/deprecations</c> says, read from either layout (flat camelCase or <c>items[]</c> snake_case).</summary>
internal sealed record SelfReport(string Mode, string Sunset, string DocsUrl, JsonElement Overrides)
{
    public static async Task<SelfReport> ReadAsync(ServiceHost host)
    {
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync("/api/deprecations"));
        var root = document.RootElement;
        return root.TryGetProperty("items", out var items)
            ? From(items[0], "current_mode", "docs_url", "endpoint_overrides")
            : From(root, "mode", "docsUrl", "overrides");
    }

    private static SelfReport From(JsonElement e, string mode, string docs, string overrides) =>
        new(e.GetProperty(mode).GetString()!, e.GetProperty("sunset").GetString()!, e.GetProperty(docs).GetString()!, e.GetProperty(overrides).Clone());
}
