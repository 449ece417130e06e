using System.Text.Json;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>Probes of the persistence faults (contract sections 5 and 10).</summary>
internal static class StoreProbes
{
    /// <summary>A new allocation answered 201 cannot be read back right away: it is not stored yet.</summary>
    public static FaultProbe WriteAcknowledgedBeforeCommit() => new(new ServiceOptions { Modes = Probe.Warn }, async host =>
    {
        using var created = await Probe.AllocateAsync(host, "seed");
        using var document = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        using var readBack = await host.SendAsync(HttpMethod.Get, "/api/allocations/" + document.RootElement.GetProperty("id").GetString(), null);
        return created.IsSuccessStatusCode && readBack.StatusCode == System.Net.HttpStatusCode.NotFound;
    });

    /// <summary>With the database gone (a fund directory that fails as Npgsql does when the server is down), the answer is 500, not 503.</summary>
    public static FaultProbe DatabaseDown500() => new(new ServiceOptions { Modes = Probe.Warn, FundDirectory = new GoneDatabase() }, async host =>
    {
        using var response = await Probe.CompaniesAsync(host, "seed");
        return response.StatusCode == System.Net.HttpStatusCode.InternalServerError;
    });

    private sealed class GoneDatabase : IFundDirectory
    {
        public Task<Fund?> FindAsync(long id, CancellationToken cancellationToken) => throw Down();

        public Task<IReadOnlyList<Company>?> CompaniesAsync(long fundId, IReadOnlyCollection<string>? stages, CancellationToken cancellationToken) => throw Down();

        private static Npgsql.NpgsqlException Down() => new("Exception while connecting", new System.Net.Sockets.SocketException(111));
    }
}
