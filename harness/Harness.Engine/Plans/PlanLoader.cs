using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StageContract.Modes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Engine.Plans;

/// <summary>
/// Reads phase plans from YAML. Strict: unknown keys, wrong types, duplicate phases or gate ids,
/// bad thresholds and phases without a blocking gate are errors, reported as one line with the
/// source and the line and column.
/// </summary>
public static class PlanLoader
{
    /// <summary>Name of the built-in plan resource.</summary>
    public const string DefaultPlanResource = "Harness.Engine.Plans.default-plan.yaml";

    private static readonly string[] PlanKeys = ["version", "contract", "observability", "ledger", "diff", "phases"];
    private static readonly string[] LedgerKeys = ["maxAge"];
    private static readonly string[] ObservabilityKeys = ["scrapeInterval", "ruleWindow", "alertFor", "job"];
    private static readonly string[] ContractKeys = ["sunset", "docsUrl"];
    private static readonly string[] PhaseKeys = ["name", "description", "configuration", "requires", "gates"];
    private static readonly string[] ConfigurationKeys = ["mode", "dryRun", "enforcementPercent", "enforceWriteOnly", "overrides"];
    private static readonly string[] GateKeys = ["id", "kind", "description", "parameters", "threshold", "blocking", "note"];

    /// <summary>The text of the built-in default plan (contract section 11).</summary>
    public static string DefaultPlanText()
    {
        using var stream = typeof(PlanLoader).Assembly.GetManifestResourceStream(DefaultPlanResource)
            ?? throw new PlanException("the built-in plan is missing from Harness.Engine.dll");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The built-in default plan.</summary>
    public static PhasePlan LoadDefault() => Parse(DefaultPlanText(), "built-in", baseDirectory: null);

    /// <summary>Reads a plan file; relative paths in it resolve against its directory.</summary>
    public static PhasePlan LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PlanException($"cannot read plan '{path}': {e.Message}", e);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Parses and validates plan text; <paramref name="source"/> names it in messages.</summary>
    public static PhasePlan Parse(string text, string source, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new PlanException($"{source}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {FirstLine(e.Message)}", e);
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PlanException($"{source}: a plan is one YAML document holding a mapping with 'version' and 'phases'");
        }

        var reader = new Reader(source);
        reader.CheckKeys(root, PlanKeys, "plan");
        var version = reader.Int(root, "version", required: true, 1);
        if (version != 1)
        {
            throw reader.Error(root, $"plan version {version.ToString(CultureInfo.InvariantCulture)} is not supported (only 1)");
        }

        var contract = Reader.Optional(root, "contract") is { } contractNode ? ReadContract(reader, reader.AsMapping(contractNode, "contract")) : null;
        var observability = Reader.Optional(root, "observability") is { } observabilityNode ? ReadObservability(reader, reader.AsMapping(observabilityNode, "observability")) : Observability.Live.ObservabilitySettings.Default;
        var phasesNode = reader.Sequence(root, "phases");
        var phases = new List<Phase>();
        foreach (var node in phasesNode.Children)
        {
            var phase = ReadPhase(reader, node);
            if (phases.Any(p => p.Name == phase.Name))
            {
                throw reader.Error(node, $"phase '{phase.Name}' is defined twice");
            }

            phases.Add(phase);
        }

        if (phases.Count == 0)
        {
            throw reader.Error(phasesNode, "the plan has no phases");
        }

        foreach (var phase in phases.Where(p => p.Requires is { } r && r != Phase.NoRung))
        {
            if (phase.Requires == phase.Name || !phases.Any(p => p.Name == phase.Requires))
            {
                throw reader.Error(phasesNode, $"phase '{phase.Name}' requires '{phase.Requires}', which is {(phase.Requires == phase.Name ? "itself" : "not a phase of the plan")} (name another phase, or '{Phase.NoRung}')");
            }
        }

        var maxAge = PhasePlan.DefaultLedgerMaxAge;
        if (Reader.Optional(root, "ledger") is { } ledgerNode)
        {
            var ledger = reader.AsMapping(ledgerNode, "ledger");
            reader.CheckKeys(ledger, LedgerKeys, "ledger");
            if (reader.String(ledger, "maxAge", required: false) is { } age)
            {
                maxAge = DurationSeconds(age) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : throw reader.Error(ledger, $"ledger: maxAge '{age}' is not a positive duration such as 12h or 7d");
            }
        }

        var diff = Reader.Optional(root, "diff") is { } diffNode ? DiffSection.Read(reader, reader.AsMapping(diffNode, "diff")) : null;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new PhasePlan { Version = version, Source = source, Sha256 = hash, BaseDirectory = baseDirectory, Contract = contract, Observability = observability, LedgerMaxAge = maxAge, Diff = diff, Phases = phases };
    }

    private static Observability.Live.ObservabilitySettings ReadObservability(Reader reader, YamlMappingNode map)
    {
        reader.CheckKeys(map, ObservabilityKeys, "observability");
        var defaults = Observability.Live.ObservabilitySettings.Default;
        double Seconds(string key, double fallback)
        {
            if (reader.String(map, key, required: false) is not { } text)
            {
                return fallback;
            }

            return DurationSeconds(text) ?? throw reader.Error(map, $"observability: {key} '{text}' is not a duration such as 500ms, 10s, 5m or 1h");
        }

        var settings = new Observability.Live.ObservabilitySettings
        {
            ScrapeSeconds = Seconds("scrapeInterval", defaults.ScrapeSeconds),
            RuleWindowSeconds = Seconds("ruleWindow", defaults.RuleWindowSeconds),
            AlertForSeconds = Seconds("alertFor", defaults.AlertForSeconds),
            Job = reader.String(map, "job", required: false) ?? defaults.Job,
        };
        return settings.Problem() is { } problem ? throw reader.Error(map, problem) : settings;
    }

    /// <summary>A duration written <c>&lt;number&gt;(ms|s|m|h|d)</c> in seconds, or null.</summary>
    public static double? DurationSeconds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var (number, scale) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.Ordinal) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1.0),
            _ when t.EndsWith('m') => (t[..^1], 60.0),
            _ when t.EndsWith('h') => (t[..^1], 3600.0),
            _ when t.EndsWith('d') => (t[..^1], 86400.0),
            _ => ("", 0.0),
        };
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0 ? value * scale : null;
    }

    private static PlanContract ReadContract(Reader reader, YamlMappingNode map)
    {
        reader.CheckKeys(map, ContractKeys, "contract");
        var sunset = reader.String(map, "sunset", required: true)!;
        if (StageContract.Headers.ImfFixdate.Parse(sunset) is null)
        {
            throw reader.Error(map, $"contract: sunset '{sunset}' is not an IMF-fixdate such as 'Wed, 30 Jun 2027 00:00:00 GMT'");
        }

        var docs = reader.String(map, "docsUrl", required: true)!;
        if (!Uri.TryCreate(docs, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw reader.Error(map, $"contract: docsUrl '{docs}' is not an absolute http(s) URL");
        }

        return new PlanContract(sunset, docs);
    }

    private static Phase ReadPhase(Reader reader, YamlNode node)
    {
        var map = reader.AsMapping(node, "a phase");
        reader.CheckKeys(map, PhaseKeys, "phase");
        var name = reader.String(map, "name", required: true)!;
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw reader.Error(map, $"phase name '{name}' may only hold letters, digits, '-', '_' and '.'");
        }

        var configuration = ReadConfiguration(reader, reader.AsMapping(reader.Required(map, "configuration"), $"phase '{name}' configuration"), name);
        var gates = new List<GateSpec>();
        foreach (var gateNode in reader.Sequence(map, "gates").Children)
        {
            var gate = ReadGate(reader, gateNode, name);
            if (gates.Any(g => g.Id == gate.Id))
            {
                throw reader.Error(gateNode, $"phase '{name}' has two gates with id '{gate.Id}'");
            }

            gates.Add(gate);
        }

        if (!gates.Any(g => g.Blocking))
        {
            throw reader.Error(map, $"phase '{name}' has no blocking gate: a phase must be decided by at least one gate");
        }

        return new Phase
        {
            Name = name, Description = reader.String(map, "description", required: false) ?? "", Configuration = configuration,
            Requires = reader.String(map, "requires", required: false), Gates = gates,
        };
    }

    private static PhaseConfiguration ReadConfiguration(Reader reader, YamlMappingNode map, string phase)
    {
        reader.CheckKeys(map, ConfigurationKeys, "configuration");
        var mode = reader.String(map, "mode", required: true)!;
        if (!ModeNames.TryParse(mode, out _))
        {
            throw reader.Error(map, $"phase '{phase}': mode '{mode}' is not one of off, warn, enforce");
        }

        var percent = reader.Int(map, "enforcementPercent", required: false, 100);
        if (percent is < 0 or > 100)
        {
            throw reader.Error(map, $"phase '{phase}': enforcementPercent must be within 0..100");
        }

        var overrides = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Reader.Optional(map, "overrides") is { } overridesNode)
        {
            foreach (var (key, value) in reader.AsMapping(overridesNode, "overrides").Children)
            {
                var route = ((YamlScalarNode)key).Value ?? "";
                var routeMode = value is YamlScalarNode s ? s.Value : null;
                if (!route.StartsWith('/') || !ModeNames.TryParse(routeMode, out _))
                {
                    throw reader.Error(key, $"phase '{phase}': override '{route}: {routeMode}' needs a route template starting with '/' and a mode off, warn or enforce");
                }

                overrides[route] = routeMode!;
            }
        }

        return new PhaseConfiguration
        {
            Mode = mode,
            DryRun = reader.Bool(map, "dryRun", false),
            EnforcementPercent = percent,
            EnforceWriteOnly = reader.Bool(map, "enforceWriteOnly", false),
            Overrides = overrides,
        };
    }

    private static GateSpec ReadGate(Reader reader, YamlNode node, string phase)
    {
        var map = reader.AsMapping(node, "a gate");
        reader.CheckKeys(map, GateKeys, "gate");
        var id = reader.String(map, "id", required: true)!;
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw reader.Error(map, $"phase '{phase}': gate id '{id}' may only hold letters, digits, '-', '_' and '.'");
        }

        var kind = reader.String(map, "kind", required: true)!;
        Threshold? threshold = null;
        if (reader.String(map, "threshold", required: false) is { } thresholdText)
        {
            if (!Threshold.TryParse(thresholdText, out threshold, out var error))
            {
                throw reader.Error(reader.Required(map, "threshold"), $"gate '{id}': {error}");
            }
        }

        var parameters = GateParameters.Empty;
        if (Reader.Optional(map, "parameters") is { } parametersNode)
        {
            parameters = new GateParameters(YamlJson.ToElement(reader.AsMapping(parametersNode, $"gate '{id}' parameters")));
        }

        return new GateSpec
        {
            Id = id,
            Kind = kind,
            Description = reader.String(map, "description", required: false) ?? "",
            Parameters = parameters,
            Threshold = threshold,
            Blocking = reader.Bool(map, "blocking", true),
            Note = reader.String(map, "note", required: false),
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
