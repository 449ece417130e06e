using Harness.Engine.Gates.BoundedLabels;
using Harness.Engine.Gates.Configuration;
using Harness.Engine.Gates.DecisionTable;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Gates.Golden;
using Harness.Engine.Gates.HeaderCoverage;
using Harness.Engine.Gates.Latency;
using Harness.Engine.Gates.Load;
using Harness.Engine.Gates.Migration;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Gates.Traffic;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>The gate kinds this harness version implements.</summary>
public static class BuiltInGates
{
    /// <summary>A registry with every kind this version implements.</summary>
    public static GateKindRegistry Registry { get; } = GateKindRegistry.Empty
        .With(ConfigurationConformanceGate.Kind)
        .With(GateKinds.GoldenConformance, Checked(ThresholdUnit.Ratio, "== 100%", GoldenConformanceGate.Create))
        .With(GateKinds.HeaderCoverage, Checked(ThresholdUnit.Ratio, ">= 99%", HeaderCoverageGate.Create))
        .With(GateKinds.DecisionTable, Checked(ThresholdUnit.Ratio, "== 100%", DecisionTableGate.Create))
        .With(GateKinds.BoundedLabels, Checked(ThresholdUnit.Count, "== 0", BoundedLabelsGate.Create))
        .With(ErrorRateGate.Kind)
        .With(ValidatorLatencyGate.Kind)
        .With(EnforcedShareGate.Kind)
        .With(AutoDowngradeDrillGate.Kind)
        .With(WebhookHardeningGate.Kind)
        .With(LatencyUnderLoadGate.Kind)
        .With(SustainedErrorRateGate.Kind)
        .With(WouldRejectConformanceGate.Kind)
        .With(GateKinds.UnknownRate, Checked(ThresholdUnit.Ratio, "< 0.5%", TrafficReadinessGate.CreateUnknownRate))
        .With(GateKinds.WouldRejectRate, Checked(ThresholdUnit.Ratio, "< 0.5%", TrafficReadinessGate.CreateWouldRejectRate))
        .With(MigrationRehearsalGate.Kind)
        .With(MigrationVerifyGate.Kind);

    private static GateFactory Checked(ThresholdUnit unit, string example, GateFactory factory) =>
        spec => GateChecks.Unit(spec, unit, example) is { } wrongUnit ? GateCreation.Invalid(wrongUnit) : factory(spec);
}
