using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReferenceImpl.Api.Faults;
using ReferenceImpl.Api.Profiles;
using StageContract;
using StageContract.Modes;

namespace ReferenceImpl.Api.Hosting;

/// <summary>Reads <see cref="ServiceOptions"/> from the contract's environment variables.</summary>
public static class EnvironmentConfiguration
{
    /// <summary>Environment variable names.</summary>
    public static class Names
    {
        public const string Mode = "STAGE_VALIDATION_MODE";
        public const string WriteOnly = "ENFORCE_WRITE_ONLY";
        public const string Percent = "ENFORCEMENT_PERCENT";
        public const string DryRun = "STAGE_VALIDATION_DRY_RUN";
        public const string Overrides = "STAGE_VALIDATION_OVERRIDES";
        public const string OpsToken = "STAGE_OPS_TOKEN";
        public const string HmacKey = "STAGE_WEBHOOK_HMAC_KEY";
        public const string WebhookToken = "STAGE_WEBHOOK_TOKEN";
        public const string ContractFile = "STAGE_CONTRACT_FILE";
        public const string LogSampleRate = "STAGE_LOG_SAMPLE_RATE";
        public const string DatabaseUrl = "STAGE_DATABASE_URL";
        public const string RedisUrl = "STAGE_REDIS_URL";
        public const string Profile = "STAGE_PROFILE";
        public const string Faults = "STAGE_FAULTS";
        public const string Sunset = "STAGE_SUNSET";
        public const string DocsUrl = "STAGE_DOCS_URL";
        public const string ChaosLatencyDirectory = "STAGE_CHAOS_LATENCY_DIR";
    }

    /// <summary>Parses the variables; throws <see cref="ConfigurationException"/> on the first invalid one.</summary>
    public static ServiceOptions Read(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string? Get(string name) => variables.Contains(name) ? variables[name] as string : null;

        var mode = ValidationMode.Off;
        if (Get(Names.Mode) is { } modeText)
        {
            if (!ModeNames.TryParse(modeText.Trim().ToLowerInvariant(), out var parsed))
            {
                throw new ConfigurationException($"{Names.Mode}='{Printable(modeText)}' is not one of off, warn, enforce");
            }

            mode = parsed.Value;
        }

        var percent = 100;
        if (Get(Names.Percent) is { } percentText)
        {
            if (!int.TryParse(percentText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p))
            {
                throw new ConfigurationException($"{Names.Percent}='{Printable(percentText)}' is not an integer (0-100)");
            }

            percent = Math.Clamp(p, 0, 100);
        }

        var hmac = Get(Names.HmacKey);
        if (hmac is not null && Encoding.UTF8.GetByteCount(hmac) < 32)
        {
            throw new ConfigurationException($"{Names.HmacKey} must be at least 32 bytes, got {Encoding.UTF8.GetByteCount(hmac)}");
        }

        var sampleRate = 0.01;
        if (Get(Names.LogSampleRate) is { } rateText
            && (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out sampleRate) || sampleRate is < 0 or > 1))
        {
            throw new ConfigurationException($"{Names.LogSampleRate}='{Printable(rateText)}' is not a number within [0, 1]");
        }

        return new ServiceOptions
        {
            Modes = new ModeSettings
            {
                GlobalMode = mode,
                EnforceWriteOnly = Bool(Get(Names.WriteOnly), Names.WriteOnly),
                EnforcementPercent = percent,
                DryRun = Bool(Get(Names.DryRun), Names.DryRun),
                Overrides = Overrides(Get(Names.Overrides)),
            },
            OpsToken = NonEmpty(Get(Names.OpsToken), Names.OpsToken),
            WebhookHmacKey = hmac,
            WebhookBearerToken = NonEmpty(Get(Names.WebhookToken), Names.WebhookToken),
            ContractFile = NonEmpty(Get(Names.ContractFile), Names.ContractFile),
            LogSampleRate = sampleRate,
            DatabaseConnectionString = Database(NonEmpty(Get(Names.DatabaseUrl), Names.DatabaseUrl)),
            RedisConfiguration = Redis(NonEmpty(Get(Names.RedisUrl), Names.RedisUrl)),
            Profile = ProfileVariables.Profile(Get(Names.Profile), Names.Profile),
            Sunset = ProfileVariables.Sunset(Get(Names.Sunset), Names.Sunset),
            DocsUrl = ProfileVariables.DocsUrl(Get(Names.DocsUrl), Names.DocsUrl),
            Faults = FaultSet.Parse(Get(Names.Faults), Names.Faults),
            ChaosLatencyDirectory = LatencyDirectory(NonEmpty(Get(Names.ChaosLatencyDirectory), Names.ChaosLatencyDirectory)),
        };
    }

    /// <summary>An Npgsql connection string that names a host and a database (the password is never echoed).</summary>
    public static string? Database(string? text) =>
        text is not null && StageData.ConnectionStrings.Problem(text) is { } error ? throw new ConfigurationException($"{Names.DatabaseUrl} {error}") : text;

    /// <summary>A StackExchange.Redis configuration string with at least one endpoint.</summary>
    public static string? Redis(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(text).EndPoints.Count == 0
                ? throw new ConfigurationException($"{Names.RedisUrl} names no endpoint (for example 'localhost:6379')")
                : text;
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{Names.RedisUrl} is not a Redis configuration: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>An existing directory: the latency files are read from it for as long as the service runs, so a typo must stop start-up, not silently inject nothing.</summary>
    public static string? LatencyDirectory(string? text) =>
        text is null ? null
        : Directory.Exists(text) ? Path.GetFullPath(text)
        : throw new ConfigurationException($"{Names.ChaosLatencyDirectory}='{Printable(text)}' is not an existing directory");

    private static bool Bool(string? text, string name) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => false,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new ConfigurationException($"{name}='{Printable(text)}' is not a boolean (true/false)"),
    };

    private static string? NonEmpty(string? text, string name) =>
        text is null ? null
        : string.IsNullOrWhiteSpace(text) ? throw new ConfigurationException($"{name} is set but empty")
        : text;

    private static Dictionary<string, ValidationMode> Overrides(string? json)
    {
        var result = new Dictionary<string, ValidationMode>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException($"{Names.Overrides} must be a JSON object of route template to mode");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                // The shipped contract's routes: the contract file is not loaded yet; the service checks again against the one it loads.
                if (!ContractRules.Default.Endpoints.IsStageRoute(property.Name))
                {
                    throw new ConfigurationException(
                        $"{Names.Overrides}: '{Printable(property.Name)}' is not a stage endpoint route template (one of {string.Join(", ", ContractRules.Default.Endpoints.Routes)})");
                }

                if (property.Value.ValueKind != JsonValueKind.String || !ModeNames.TryParse(property.Value.GetString(), out var mode))
                {
                    throw new ConfigurationException($"{Names.Overrides}: the mode of '{property.Name}' must be \"off\", \"warn\" or \"enforce\"");
                }

                result[property.Name] = mode.Value;
            }
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{Names.Overrides} is not valid JSON: {e.Message.Split('\n')[0]}", e);
        }

        return result;
    }

    private static string Printable(string text)
    {
        var cut = text.Length > 40 ? text[..40] + "..." : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
