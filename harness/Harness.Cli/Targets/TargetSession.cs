using Flurl.Http;
using Harness.Containers;
using Harness.Engine.Plans;
using Harness.Engine.Targets;
using Npgsql;
using ReferenceImpl.Api.Hosting;
using StageContract;
using StageMigration.Generation;
using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace Harness.Cli.Targets;

/// <summary>How much legacy data the embedded target's database starts with.</summary>
/// <param name="Companies">Portfolio companies (default 100,000).</param>
/// <param name="Strategies">Strategies (default 20,000).</param>
public sealed record LegacyData(int Companies = 100_000, int Strategies = 20_000);

/// <summary>
/// A target for one run: the embedded reference service (started and stopped here, with real
/// Postgres and Redis containers when the phase needs a database) or a URL used as it is.
/// </summary>
public sealed class TargetSession : IAsyncDisposable
{
    /// <summary>Per-request timeout of the harness's client.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly RunningReferenceService? _service;
    private readonly IAsyncDisposable[] _resources;

    private TargetSession(TargetKind kind, Uri baseAddress, RunningReferenceService? service, TargetCredentials credentials, TargetDatabase? database, string stores, params IAsyncDisposable[] resources)
        : this(kind, baseAddress, service, credentials, database, stores, null, resources)
    {
    }

    private TargetSession(TargetKind kind, Uri baseAddress, RunningReferenceService? service, TargetCredentials credentials, TargetDatabase? database, string stores, IDependencyControl? dependencies, params IAsyncDisposable[] resources)
        : this(kind, baseAddress, service, credentials, database, stores, dependencies, null, resources)
    {
    }

    private TargetSession(TargetKind kind, Uri baseAddress, RunningReferenceService? service, TargetCredentials credentials, TargetDatabase? database, string stores, IDependencyControl? dependencies, ILatencyControl? latency, params IAsyncDisposable[] resources)
    {
        Dependencies = dependencies;
        Latency = latency;
        Kind = kind;
        _service = service;
        _resources = resources;
        Credentials = credentials;
        Database = database;
        Stores = stores;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
        Client = TargetClient.Over(Http);
    }

    /// <summary>The embedded reference or a URL.</summary>
    public TargetKind Kind { get; }

    /// <summary>Raw client whose base address is the target, for the hot paths (load scenarios).</summary>
    public HttpClient Http { get; }

    /// <summary>The harness's client of the non-hot paths (probes, drills, golden corpus, ops API), sending through <see cref="Http"/>.</summary>
    public IFlurlClient Client { get; }

    /// <summary>Secrets the drills use: made up for the embedded service, read from the environment for a URL.</summary>
    public TargetCredentials Credentials { get; }

    /// <summary>The target's database, for the migration gates; null when there is none.</summary>
    public TargetDatabase? Database { get; }

    /// <summary>What the drills can do to the target's Redis and Postgres: the embedded target's own containers, or those named for a URL target; null when nothing.</summary>
    public IDependencyControl? Dependencies { get; }

    /// <summary>What the latency drill can do to slow the target's Redis and Postgres: the embedded service's own, in-process, or a URL target's <c>--latency-command</c>; null when nothing.</summary>
    public ILatencyControl? Latency { get; }

    /// <summary>What the embedded service stores its data in, for the report: <c>memory</c> or the container images; <c>target's own</c> for a URL.</summary>
    public string Stores { get; }

    /// <summary>The migration tool shipped next to the harness (<c>REHEARSE_MIGRATION_TOOL</c> of <paramref name="environment"/>, default the process's, overrides it).</summary>
    public static string MigrationTool(CliEnvironment? environment = null) =>
        (environment ?? CliEnvironment.Process).Get("REHEARSE_MIGRATION_TOOL") ?? Path.Combine(AppContext.BaseDirectory, "stage-migrate.dll");

    /// <summary>
    /// Starts the reference service in-process on a free loopback port with exactly the phase's
    /// configuration. With <paramref name="containers"/> it runs on a real Postgres (filled with
    /// generated legacy data) and a real Redis, started in containers for this run and removed after.
    /// </summary>
    public static async Task<TargetSession> StartEmbeddedAsync(
        PhaseConfiguration configuration, bool containers, LegacyData legacy, int seed, TextWriter progress, CancellationToken cancellationToken, CliEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(legacy);
        ArgumentNullException.ThrowIfNull(progress);
        var credentials = new TargetCredentials(Secret(), Secret(), Secret());
        var options = ServiceOptions.Default with
        {
            Modes = configuration.ToModeSettings(),
            WebhookHmacKey = credentials.WebhookHmacKey,
            WebhookBearerToken = credentials.WebhookBearerToken,
            OpsToken = credentials.OpsToken,
        };
        if (!containers)
        {
            var service = await ReferenceService.StartAsync(options, cancellationToken).ConfigureAwait(false);
            // No Redis or Postgres to slow: the latency drill is NotApplicable with --stores memory, as the outage drills are.
            return new TargetSession(TargetKind.Embedded, service.BaseAddress, service, credentials, null, "memory");
        }

        var engine = await ContainerEngine.EnsureAsync(progress, cancellationToken).ConfigureAwait(false);
        PostgreSqlContainer? postgres = null;
        RedisContainer? redis = null;
        try
        {
            await progress.WriteLineAsync($"starting Postgres ({RehearsalContainers.PostgresImage}) and Redis ({RehearsalContainers.RedisImage}) containers").ConfigureAwait(false);
            // Fixed host ports: a drill stops and starts these containers, and Docker would give a restarted container new random ones.
            postgres = RehearsalContainers.Postgres("stages", RehearsalContainers.FreePort());
            redis = RehearsalContainers.Redis(RehearsalContainers.FreePort());
            await Task.WhenAll(postgres.StartAsync(cancellationToken), redis.StartAsync(cancellationToken)).ConfigureAwait(false);
            var database = postgres.GetConnectionString();
            var injected = new ReferenceImpl.Api.Chaos.InjectedLatency();
            var service = await ReferenceService.StartAsync(options with { DatabaseConnectionString = database, RedisConfiguration = redis.GetConnectionString(), InjectedLatency = injected }, cancellationToken).ConfigureAwait(false);
            await progress.WriteLineAsync($"generating legacy data: {legacy.Companies:N0} companies, {legacy.Strategies:N0} strategies (seed {seed})").ConfigureAwait(false);
            await using (var dataSource = NpgsqlDataSource.Create(database))
            {
                await new DirtyDataGenerator(dataSource, ContractRules.Default, TextWriter.Null, TimeProvider.System)
                    .GenerateAsync(new GeneratorOptions(legacy.Companies, legacy.Strategies, Funds: 50, Seed: seed), cancellationToken).ConfigureAwait(false);
            }

            var dependencies = new DockerDependencies(new Dictionary<Dependency, string> { [Dependency.Redis] = redis.Id, [Dependency.Postgres] = postgres.Id });
            return new TargetSession(TargetKind.Embedded, service.BaseAddress, service, credentials, new TargetDatabase(database, MigrationTool(environment)),
                $"Postgres {RehearsalContainers.PostgresImage}, Redis {RehearsalContainers.RedisImage}", dependencies, new InProcessLatency(injected), postgres, redis, engine);
        }
        catch
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync().ConfigureAwait(false);
            }

            if (redis is not null)
            {
                await redis.DisposeAsync().ConfigureAwait(false);
            }

            await engine.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A running service at <paramref name="baseAddress"/>; nothing is started. <paramref name="database"/> is its
    /// database (a staging copy) for the migration gates, if given. The drill credentials come from
    /// <paramref name="environment"/> (default the process's). <paramref name="dependencies"/> are its
    /// Redis and Postgres containers, for the drills, if named; <paramref name="latency"/> slows them, for the latency drill, if given.
    /// </summary>
    public static TargetSession ForUrl(Uri baseAddress, string? database = null, CliEnvironment? environment = null, IDependencyControl? dependencies = null, ILatencyControl? latency = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var variables = environment ?? CliEnvironment.Process;
        var withSlash = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new TargetSession(TargetKind.Url, withSlash, null, TargetCredentials.FromEnvironment(variables.Get),
            database is null ? null : new TargetDatabase(database, MigrationTool(variables)), "target's own", dependencies, latency);
    }

    private static string Secret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Parses <c>--target</c>: an absolute http(s) URL; null otherwise.</summary>
    public static Uri? ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var resource in _resources)
        {
            await resource.DisposeAsync().ConfigureAwait(false);
        }
    }
}
