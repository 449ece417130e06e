using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ReferenceImpl.Api.Hosting;
using ReferenceImpl.Api.ModeStore;
using StageContract.Modes;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>Probes of the decision and webhook faults (contract sections 3, 4 and 8).</summary>
internal static class DecisionProbes
{
    private const string OpsToken = "probe-ops-token";

    /// <summary>An unknown stage in shadow is rejected with 400.</summary>
    public static FaultProbe ShadowRejects() => new(new ServiceOptions { Modes = Probe.Shadow }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "growth");
        return response.StatusCode == HttpStatusCode.BadRequest && Probe.Header(response, "X-Stage-Mode") == "shadow";
    });

    /// <summary>With write-only in warn, a read is enforced and a write warned.</summary>
    public static FaultProbe WriteOnlyInverted() => new(new ServiceOptions { Modes = Probe.Warn with { EnforceWriteOnly = true } }, async host =>
    {
        using var read = await Probe.CompaniesAsync(host, "growth");
        using var write = await Probe.AllocateAsync(host, "growth");
        return Probe.Header(read, "X-Stage-Mode") == "enforce" && Probe.Header(write, "X-Stage-Mode") == "warn";
    });

    /// <summary>At 19 %, request id <c>abc</c> (bucket 19) is enforced.</summary>
    public static FaultProbe BucketOffByOne() => new(new ServiceOptions { Modes = Probe.Enforce with { EnforcementPercent = 19 } }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "growth", "abc");
        return Probe.Header(response, "X-Stage-Mode") == "enforce";
    });

    /// <summary>At 50 %, some of 100 request ids are decided against the contract's bucket.</summary>
    public static FaultProbe BucketOtherHash() => new(new ServiceOptions { Modes = Probe.Enforce with { EnforcementPercent = 50 } }, async host =>
    {
        for (var i = 0; i < 100; i++)
        {
            var id = $"probe-{i:D4}";
            using var response = await Probe.CompaniesAsync(host, "growth", id);
            if (Probe.Header(response, "X-Stage-Mode") != (EnforcementBucket.Of(id) < 50 ? "enforce" : "warn"))
            {
                return true;
            }
        }

        return false;
    });

    /// <summary>An unknown stage in enforce is served with the deprecation set while the mode header says enforce.</summary>
    public static FaultProbe EnforceAsWarn() => new(new ServiceOptions { Modes = Probe.Enforce }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "growth");
        return response.IsSuccessStatusCode && Probe.Header(response, "X-Stage-Mode") == "enforce" && Probe.Header(response, "Deprecation") == "true";
    });

    /// <summary>A signed alert dated 600 s in the future downgrades the mode.</summary>
    public static FaultProbe WebhookFutureTimestamps()
    {
        var time = new FakeTimeProvider(Alerts.Start);
        return new(Alerts.Configure(new ServiceOptions { Modes = Probe.Enforce }, time), async host =>
        {
            using var response = await Alerts.SendAsync(host, Alerts.Signed(time.GetUtcNow().ToUnixTimeSeconds() + 600));
            using var after = await Probe.CompaniesAsync(host, "growth");
            return response.IsSuccessStatusCode && Probe.Header(after, "X-Stage-Mode") == "warn";
        });
    }

    /// <summary>A repeated signature and a repeated bearer alert group are both served again.</summary>
    public static FaultProbe WebhookReplays()
    {
        var time = new FakeTimeProvider(Alerts.Start);
        return new(Alerts.Configure(new ServiceOptions { Modes = Probe.Enforce }, time), async host =>
        {
            var signed = Alerts.Signed(time.GetUtcNow().ToUnixTimeSeconds());
            using var first = await Alerts.SendAsync(host, signed);
            using var replay = await Alerts.SendAsync(host, signed);
            using var group = await Alerts.SendAsync(host, Alerts.Bearer);
            using var groupReplay = await Alerts.SendAsync(host, Alerts.Bearer);
            return first.IsSuccessStatusCode && replay.IsSuccessStatusCode && group.IsSuccessStatusCode && groupReplay.IsSuccessStatusCode;
        });
    }

    /// <summary>
    /// After an accepted alert the self-report and the gauge say warn while an unknown stage is still
    /// rejected under X-Stage-Mode: enforce; a warn set through the ops API is then served as warn.
    /// </summary>
    public static FaultProbe DowngradeKeepsEnforcing()
    {
        var time = new FakeTimeProvider(Alerts.Start);
        return new(Alerts.Configure(new ServiceOptions { Modes = Probe.Enforce, OpsToken = OpsToken }, time), async host =>
        {
            using var alert = await Alerts.SendAsync(host, Alerts.Signed(time.GetUtcNow().ToUnixTimeSeconds()));
            using var reported = await OpsAsync(host, HttpMethod.Get, null);
            var gauge = (await host.Client.GetStringAsync("/metrics")).Contains("\nstage_validation_mode 1\n", StringComparison.Ordinal);
            using var after = await Probe.CompaniesAsync(host, "growth");
            using var set = await OpsAsync(host, HttpMethod.Put, "{\"mode\":\"warn\",\"reason\":\"probe\"}");
            using var afterOps = await Probe.CompaniesAsync(host, "growth");
            return alert.IsSuccessStatusCode && (await reported.Content.ReadAsStringAsync()).Contains("\"mode\":\"warn\"", StringComparison.Ordinal) && gauge
                && after.StatusCode == HttpStatusCode.BadRequest && Probe.Header(after, "X-Stage-Mode") == "enforce"
                && set.IsSuccessStatusCode && afterOps.IsSuccessStatusCode && Probe.Header(afterOps, "X-Stage-Mode") == "warn";
        });
    }

    private static async Task<HttpResponseMessage> OpsAsync(ServiceHost host, HttpMethod method, string? json)
    {
        using var request = new HttpRequestMessage(method, OpsEndpoints.ModeRoute);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OpsToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await host.Client.SendAsync(request);
    }
}
