using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Prometheus;
using ReferenceImpl.Api.Allocations;
using ReferenceImpl.Api.Chaos;
using ReferenceImpl.Api.Deprecations;
using ReferenceImpl.Api.DocumentStore;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.MonteCarlo;
using ReferenceImpl.Api.Profiles;
using ReferenceImpl.Api.Strategies;
using ReferenceImpl.Api.Validation;
using ReferenceImpl.Api.Webhook;
using StageContract;
using StageContract.Data;

namespace ReferenceImpl.Api.Hosting;

/// <summary>Composes the reference service: standalone (<see cref="RunAsync"/>) or in-process on a free loopback port (<see cref="StartAsync"/>).</summary>
public static class ReferenceService
{
    /// <summary>Exit code when configuration or contract data is invalid.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Exit code when the server cannot start (for example the port is taken).</summary>
    public const int StartupError = 3;

    /// <summary>Runs until stopped, configured by the contract's environment variables and <c>--urls</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        WebApplication app;
        try
        {
            var variables = Environment.GetEnvironmentVariables();
            var options = EnvironmentConfiguration.Read(variables);
            var builder = WebApplication.CreateBuilder(args);
            LoggingDefaults.Apply(builder, variables);
            app = Build(builder, options);
        }
        catch (Exception e) when (e is ConfigurationException or ContractDataException)
        {
            await error.WriteLineAsync($"reference-impl: {e.Message}").ConfigureAwait(false);
            return ConfigurationError;
        }

        try
        {
            await PrepareAsync(app, CancellationToken.None).ConfigureAwait(false);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or StageData.Schema.SchemaException)
        {
            await error.WriteLineAsync($"reference-impl: the database is not usable: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
            return StartupError;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"reference-impl: cannot start the server: {e.Message.Split('\n')[0]}").ConfigureAwait(false);
            return StartupError;
        }
    }

    /// <summary>Starts the service in this process on 127.0.0.1 and a free port.</summary>
    public static async Task<RunningReferenceService> StartAsync(ServiceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = Build(builder, options);
        try
        {
            await PrepareAsync(app, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningReferenceService(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Registers the services and maps the endpoints on a builder.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var rules = ProfiledRules.Apply(options.ContractFile is { } file ? ContractRules.FromFile(file) : ContractRules.Default, options);
        foreach (var route in options.Modes.Overrides.Keys.Where(r => !rules.Endpoints.IsStageRoute(r)))
        {
            throw new ConfigurationException($"override route '{route}' is not a stage endpoint");
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = JsonBody.MaxBytes + 1);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(rules);
        services.AddProfile(options.Profile);
        services.AddFaults(options.Faults);
        services.AddSingleton<StageMetrics>();
        services.AddSingleton<ModeAuditLog>();
        var latency = options.InjectedLatency ?? (options.ChaosLatencyDirectory is null ? null : new InjectedLatency(options.TimeProvider));
        if (latency is not null)
        {
            services.AddSingleton(latency);
        }

        if (options.ChaosLatencyDirectory is { } latencyDirectory)
        {
            // A factory, so that the container disposes the watcher (and its timer) when the service stops.
            services.AddSingleton(_ => new LatencyFiles(latencyDirectory, latency!, options.TimeProvider));
        }

        var redis = options.RedisConfiguration is { } redisConfiguration ? ConnectRedis(redisConfiguration, options.Faults) : null;
        if (redis is not null)
        {
            // Registered through a factory so that the container disposes it when the service stops.
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => redis);
        }

        services.AddSingleton(SlowStores.ModeStore(latency, options.ModeStore ?? (redis is null ? new InMemoryModeStore() : new RedisModeStore(redis))));
        services.AddSingleton(sp => new ModeProvider(sp.GetRequiredService<IModeStore>(), options.Modes.GlobalMode, options.TimeProvider,
            sp.GetRequiredService<StageMetrics>(), sp.GetRequiredService<ModeAuditLog>(), ModeStoreFaults.StoreTimeout(options.Faults)));
        services.AddSingleton(sp => new OffenderLog(sp.GetRequiredService<ILogger<OffenderLog>>(), options.TimeProvider, options.LogSampleRate, options.SamplingSeed));
        services.AddSingleton<StageValidator>();
        if (options.DatabaseConnectionString is { } database)
        {
            var dataSource = Npgsql.NpgsqlDataSource.Create(DatabaseBounds.Apply(database));
            services.AddSingleton(_ => dataSource);
            services.AddSingleton(SlowStores.FundDirectory(latency, new PostgresFundDirectory(dataSource)));
            services.AddSingleton(StoreFaults.Store(options.Faults, SlowStores.DocumentStore<Strategy>(latency, new PostgresStrategyStore(dataSource)), options.TimeProvider));
            services.AddSingleton(StoreFaults.Store(options.Faults, SlowStores.DocumentStore<Allocation>(latency, new PostgresAllocationStore(dataSource)), options.TimeProvider));
        }
        else
        {
            services.AddSingleton(SlowStores.FundDirectory(latency, options.FundDirectory ?? FundCatalog.Demo()));
            services.AddSingleton(StoreFaults.Store(options.Faults, SlowStores.DocumentStore<Strategy>(latency, new InMemoryDocumentStore<Strategy>()), options.TimeProvider));
            services.AddSingleton(StoreFaults.Store(options.Faults, SlowStores.DocumentStore<Allocation>(latency, new InMemoryDocumentStore<Allocation>()), options.TimeProvider));
        }

        services.AddSingleton<WebhookAuthenticator>();
        services.AddSingleton(WebhookFaults.ReplayStore(options.Faults, SlowStores.ReplayStore(latency, redis is null ? new InMemoryReplayStore(options.TimeProvider) : new RedisReplayStore(redis))));

        var app = builder.Build();
        app.UseMiddleware<RequestEnvelopeMiddleware>();
        app.UseProfile(options.Profile);
        app.UseStatusCodePages(context => StatusCodeProblems.WriteAsync(context.HttpContext));
        app.UseRouting();
        app.UseMiddleware<StageModeMiddleware>();
        app.MapMonteCarlo();
        app.MapStrategies();
        app.MapAllocations();
        app.MapCompanies();
        app.MapDeprecations();
        app.MapOps();
        app.MapWebhook();
        app.MapMetrics("/metrics", app.Services.GetRequiredService<StageMetrics>().Registry);
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    /// <summary>The schema scripts and the demo seed, when the service has a database.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetService<StackExchange.Redis.IConnectionMultiplexer>(); // created by the container, so disposed by it
        _ = app.Services.GetService<LatencyFiles>(); // starts watching; disposed by the container
        if (app.Services.GetService<Npgsql.NpgsqlDataSource>() is { } dataSource)
        {
            await DatabaseBootstrap.InitializeAsync(dataSource, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ready when the database (if any) answers within a second; Redis is not consulted: the mode falls back without it.</summary>
    private static async Task<IResult> ReadyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<Npgsql.NpgsqlDataSource>() is not { } dataSource)
        {
            return TypedResults.Ok(new { status = "ready" });
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            command.CommandTimeout = 1;
            await command.ExecuteScalarAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new { status = "ready" });
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: "the database does not answer");
        }
    }

    /// <summary>
    /// Connects without ever failing start-up: an unreachable Redis leaves a multiplexer that keeps
    /// reconnecting, and every call through it fails fast until Redis is back.
    /// </summary>
    private static StackExchange.Redis.ConnectionMultiplexer ConnectRedis(string configuration, FaultSet faults)
    {
        var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(configuration);
        redisOptions.AbortOnConnectFail = false;
        redisOptions.ConnectTimeout = 1000;
        redisOptions.SyncTimeout = ModeStoreFaults.ClientTimeoutMilliseconds(faults, 1000);
        redisOptions.AsyncTimeout = ModeStoreFaults.ClientTimeoutMilliseconds(faults, 1000);
        redisOptions.BacklogPolicy = StackExchange.Redis.BacklogPolicy.FailFast;
        return StackExchange.Redis.ConnectionMultiplexer.Connect(redisOptions);
    }
}
