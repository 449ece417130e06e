using Harness.Engine.Gates.BoundedLabels;
using Harness.Engine.Gates.Configuration;
using Harness.Engine.Gates.DecisionTable;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Gates.Golden;
using Harness.Engine.Gates.HeaderCoverage;
using Harness.Engine.Gates.Load;
using Harness.Engine.Gates.Migration;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Plans;
using Harness.Engine.Gates.Traffic;
using Harness.Engine.Gates.Latency;

namespace Harness.Engine.Gates;

/// <summary>The gate kinds this harness version implements.</summary>
public static class BuiltInGates
{
    /// <summary>A registry with every kind this version implements.</summary>
    public static GateKindRegistry Registry { get; } = GateKindRegistry.Empty
        .With(GateKinds.ConfigurationConformance, ConfigurationConformanceGate.Create, ThresholdUnit.Count, "== 0")
        .With(GateKinds.GoldenConformance, GoldenConformanceGate.Create, ThresholdUnit.Ratio, "== 100%")
        .With(GateKinds.HeaderCoverage, HeaderCoverageGate.Create, ThresholdUnit.Ratio, ">= 99%")
        .With(GateKinds.DecisionTable, DecisionTableGate.Create, ThresholdUnit.Ratio, "== 100%")
        .With(GateKinds.BoundedLabels, BoundedLabelsGate.Create, ThresholdUnit.Count, "== 0")
        .With(GateKinds.ErrorRate, ErrorRateGate.Create, ThresholdUnit.Ratio, "< 1%")
        .With(GateKinds.ValidatorLatency, ValidatorLatencyGate.Create, ThresholdUnit.Duration, "<= 5ms")
        .With(GateKinds.EnforcedShare, EnforcedShareGate.Create, ThresholdUnit.Ratio, ">= 0%")
        .With(GateKinds.AutoDowngradeDrill, AutoDowngradeDrillGate.Create, ThresholdUnit.Duration, "<= 30s")
        .With(GateKinds.WebhookHardening, WebhookHardeningGate.Create, ThresholdUnit.Count, "== 0")
        .With(GateKinds.LatencyUnderLoad, LatencyUnderLoadGate.Create, ThresholdUnit.Duration, "<= 250ms")
        .With(GateKinds.SustainedErrorRate, SustainedErrorRateGate.Create, ThresholdUnit.Ratio, "< 0.5%")
        .With(GateKinds.WouldRejectConformance, WouldRejectConformanceGate.Create, ThresholdUnit.Ratio, ">= 0%")
        .With(GateKinds.UnknownRate, TrafficReadinessGate.CreateUnknownRate, ThresholdUnit.Ratio, "< 0.5%")
        .With(GateKinds.WouldRejectRate, TrafficReadinessGate.CreateWouldRejectRate, ThresholdUnit.Ratio, "< 0.5%")
        .With(GateKinds.MigrationRehearsal, MigrationRehearsalGate.Create, ThresholdUnit.Count, "== 0")
        .With(GateKinds.MigrationVerify, MigrationVerifyGate.Create, ThresholdUnit.Count, "== 0");
}
