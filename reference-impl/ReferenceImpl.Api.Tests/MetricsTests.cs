using System.Text.RegularExpressions;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests;

/// <summary>Contract section 9: the metrics exist, count the right things, and carry only bounded labels.</summary>
public sealed partial class MetricsTests
{
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        ["mode"] = ["off", "warn", "shadow", "enforce"],
        ["input_type"] = ["array", "object", "query", "scalar"],
        ["result"] = ["ok", "normalized", "pass", "warn", "would_reject", "reject"],
        ["cardinality"] = ["1", "2-5", "6-10", "11+"],
        ["status_class"] = ["1xx", "2xx", "3xx", "4xx", "5xx"],
        ["method"] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "OTHER"],
        ["operation"] = ["read", "write"],

        // prometheus-net's runtime metrics (dotnet_collection_count_total): the garbage collector's generations.
        ["generation"] = ["0", "1", "2"],
    };

    [Fact]
    public async Task HostileTraffic_LeavesOnlyBoundedLabels()
    {
        await using var host = await ServiceHost.StartAsync(new ModeSettings { GlobalMode = ValidationMode.Warn, DryRun = true });
        string[] hostile = ["growth", "ЅЕЕD", "x\"}y", "late stage\n", "{{evil}}", "series-a", "Series A", "\u202Eseed"];
        foreach (var stage in hostile)
        {
            foreach (var endpoint in StageEndpoint.All)
            {
                (await endpoint.SendAsync(host, stage)).Dispose();
            }
        }

        (await host.Client.GetAsync("/api/random/path/" + Guid.NewGuid())).Dispose();
        var text = await host.Client.GetStringAsync("/metrics");
        foreach (Match sample in LabelPair().Matches(text))
        {
            var (name, value) = (sample.Groups["name"].Value, sample.Groups["value"].Value);
            if (name == "endpoint")
            {
                Assert.True(value.StartsWith('/') || value == "unmatched", $"endpoint label {value}");
                Assert.DoesNotContain("random", value, StringComparison.Ordinal);
            }
            else if (name != "le" && name != "quantile")
            {
                Assert.True(Allowed.TryGetValue(name, out var allowed) && allowed.Contains(value), $"label {name}=\"{value}\"");
            }
        }

        Assert.DoesNotContain("growth", text, StringComparison.Ordinal);
        Assert.Contains("stage_validation_validations_total{endpoint=\"/api/monte-carlo/simulate\",mode=\"shadow\",input_type=\"array\",result=\"would_reject\"}", text, StringComparison.Ordinal);
        Assert.Contains("stage_deprecation_header_emitted_total", text, StringComparison.Ordinal);
        Assert.Contains("stage_warn_unknown_total{endpoint=\"/api/allocations\"}", text, StringComparison.Ordinal);
        Assert.Contains("stage_validation_mode 1", text, StringComparison.Ordinal);
        Assert.Contains("le=\"1e-05\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnforceReject_CountsRejectAndErrorCode()
    {
        await using var host = await ServiceHost.StartAsync(new ModeSettings { GlobalMode = ValidationMode.Enforce });
        (await StageEndpoint.Named("monte-carlo").SendAsync(host, "growth")).Dispose();
        (await StageEndpoint.Named("allocations").SendAsync(host, "growth")).Dispose();
        var text = await host.Client.GetStringAsync("/metrics");
        Assert.Contains("stage_enforce_rejects_total{endpoint=\"/api/monte-carlo/simulate\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("stage_validation_errors_total{endpoint=\"/api/monte-carlo/simulate\",mode=\"enforce\",error_code=\"INVALID_STAGE_DISTRIBUTION\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("stage_validation_errors_total{endpoint=\"/api/allocations\",mode=\"enforce\",error_code=\"INVALID_STAGE\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("http_requests_total{endpoint=\"/api/allocations\",method=\"POST\",status_class=\"4xx\"} 1", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<name>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex LabelPair();
}
