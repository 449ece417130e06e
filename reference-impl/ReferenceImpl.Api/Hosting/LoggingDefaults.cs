using System.Collections;
using Microsoft.Extensions.Configuration.Memory;

namespace ReferenceImpl.Api.Hosting;

/// <summary>
/// The service's logging out of the box: ASP.NET Core's own categories at Warning, so a request
/// writes nothing (at Information ASP.NET writes six lines per request, which cost three quarters of
/// the throughput under load and flood the console); the service's own categories (offender log,
/// mode audit, webhook, store failures) at Information, unchanged. Every level stays overridable
/// the usual way (<c>appsettings.json</c>, <c>Logging__LogLevel__Microsoft.AspNetCore=Information</c>),
/// because the defaults are the first configuration source. <c>STAGE_LOG_FORMAT=json</c> writes one
/// structured JSON object per line (the standard <c>Logging__Console__FormatterName=json</c> works too).
/// </summary>
public static class LoggingDefaults
{
    /// <summary>Environment variable choosing the console format: <c>simple</c> (default) or <c>json</c>.</summary>
    public const string FormatVariable = "STAGE_LOG_FORMAT";

    /// <summary>The default levels, lowest precedence.</summary>
    public static IReadOnlyDictionary<string, string?> Levels { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>Adds the defaults under every other configuration source and applies <see cref="FormatVariable"/>; throws <see cref="ConfigurationException"/> for an unknown format.</summary>
    public static void Apply(WebApplicationBuilder builder, IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(variables);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
        var format = variables.Contains(FormatVariable) ? (variables[FormatVariable] as string)?.Trim().ToLowerInvariant() : null;
        switch (format)
        {
            case null or "" or "simple":
                break;
            case "json":
                builder.Logging.ClearProviders();
                builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
                break;
            default:
                throw new ConfigurationException($"{FormatVariable}='{format}' is not one of simple, json");
        }
    }
}
