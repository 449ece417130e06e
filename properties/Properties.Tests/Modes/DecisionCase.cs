using FsCheck;
using FsCheck.Fluent;
using Properties.Tests.Distributions;
using Properties.Tests.Generators;
using StageContract.Modes;

namespace Properties.Tests.Modes;

/// <summary>One request as the decision sees it, with the stage values its payload carried.</summary>
public sealed record DecisionCase(ModeSettings Settings, string Method, string Route, string RequestId, IReadOnlyList<string> StageValues)
{
    public static readonly string[] Routes =
    [
        "/api/monte-carlo/simulate", "/api/portfolio/strategies", "/api/portfolio/strategies/{id}",
        "/api/allocations", "/api/allocations/{id}", "/api/funds/{fundId}/companies", "/api/deprecations",
        "/api/allocations/", "/API/allocations",
    ];

    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "post"];

    public static Gen<DecisionCase> Any { get; } =
        from settings in SettingsGen
        from method in Gen.Elements(Methods)
        from route in Gen.Elements(Routes)
        from requestId in RequestIdGen
        from count in Gen.Choose(1, 6)
        from stages in Gen.ArrayOf(DistributionGenerators.StageValue, count)
        select new DecisionCase(settings, method, route, requestId, stages);

    public static Gen<string> RequestIdGen { get; } = Gen.Frequency(
        (2, Gen.Choose(0, int.MaxValue).Select(i => new Guid(i, 0, 0, new byte[8]).ToString())),
        (2, Gen.ArrayOf(Gen.Choose(0x21, 0x7E).Select(c => (char)c)).Where(cs => cs.Length is > 0 and <= 128).Select(cs => new string(cs))),
        (1, Gen.Elements("abc", "req-1", "00000000-0000-0000-0000-000000000000")));

    private static Gen<ModeSettings> SettingsGen =>
        from global in Gen.Elements(ValidationMode.Off, ValidationMode.Warn, ValidationMode.Enforce)
        from overridden in Gen.SubListOf(Routes)
        from modes in Gen.ArrayOf(Gen.Elements(ValidationMode.Off, ValidationMode.Warn, ValidationMode.Enforce), overridden.Count)
        from writeOnly in Gen.Elements(true, false)
        from percent in Gen.Frequency((2, Gen.Elements(0, 100)), (3, Gen.Choose(0, 100)), (1, Gen.Choose(-50, 150)))
        from dryRun in Gen.Elements(true, false)
        select new ModeSettings
        {
            GlobalMode = global,
            Overrides = overridden.Zip(modes).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
            EnforceWriteOnly = writeOnly,
            EnforcementPercent = percent,
            DryRun = dryRun,
        };

    public override string ToString() =>
        $"{Method} {Route} id={TextShrinker.Show(RequestId)} global={Settings.GlobalMode} overrides=[{string.Join(", ", Settings.Overrides.Select(o => $"{o.Key}={o.Value}"))}] " +
        $"writeOnly={Settings.EnforceWriteOnly} percent={Settings.EnforcementPercent} dryRun={Settings.DryRun} stages=[{string.Join(", ", StageValues.Select(TextShrinker.Show))}]";
}
