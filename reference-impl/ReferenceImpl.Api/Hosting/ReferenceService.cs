using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using ReferenceImpl.Api.Allocations;
using ReferenceImpl.Api.Deprecations;
using ReferenceImpl.Api.Funds;
using ReferenceImpl.Api.Json;
using ReferenceImpl.Api.Metrics;
using ReferenceImpl.Api.ModeStore;
using ReferenceImpl.Api.MonteCarlo;
using ReferenceImpl.Api.Problems;
using ReferenceImpl.Api.Storage;
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
            var options = EnvironmentConfiguration.Read(Environment.GetEnvironmentVariables());
            app = Build(WebApplication.CreateBuilder(args), options);
        }
        catch (Exception e) when (e is ConfigurationException or ContractDataException)
        {
            await error.WriteLineAsync($"reference-impl: {e.Message}").ConfigureAwait(false);
            return ConfigurationError;
        }

        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return 0;
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
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningReferenceService(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Registers the services and maps the endpoints on a builder.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.ContractFile is { } file ? ContractRules.FromFile(file) : ContractRules.Default;
        foreach (var route in options.Modes.Overrides.Keys.Where(r => !StageRoutes.All.Contains(r)))
        {
            throw new ConfigurationException($"override route '{route}' is not a stage endpoint");
        }

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = JsonBody.MaxBytes + 1);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(rules);
        services.AddSingleton<StageMetrics>();
        services.AddSingleton<ModeAuditLog>();
        services.AddSingleton(options.ModeStore ?? new InMemoryModeStore());
        services.AddSingleton(sp => new ModeProvider(sp.GetRequiredService<IModeStore>(), options.Modes.GlobalMode, options.TimeProvider,
            sp.GetRequiredService<StageMetrics>(), sp.GetRequiredService<ModeAuditLog>()));
        services.AddSingleton(sp => new OffenderLog(sp.GetRequiredService<ILogger<OffenderLog>>(), options.TimeProvider, options.LogSampleRate, options.SamplingSeed));
        services.AddSingleton<StageValidator>();
        services.AddSingleton(FundCatalog.Demo());
        services.AddSingleton<IDocumentStore<Strategy>, InMemoryDocumentStore<Strategy>>();
        services.AddSingleton<IDocumentStore<Allocation>, InMemoryDocumentStore<Allocation>>();
        services.AddSingleton<WebhookAuthenticator>();
        services.AddSingleton<IReplayStore>(new InMemoryReplayStore(options.TimeProvider));

        var app = builder.Build();
        app.UseMiddleware<RequestEnvelopeMiddleware>();
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
        app.MapGet("/readyz", () => TypedResults.Ok(new { status = "ready" }));
        return app;
    }
}
