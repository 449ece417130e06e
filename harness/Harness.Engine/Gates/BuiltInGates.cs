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

namespace Harness.Engine.Gates;

/// <summary>The gate kinds this harness version implements.</summary>
public static class BuiltInGates
{
    /// <summary>A registry with every kind this version implements.</summary>
    public static GateKindRegistry Registry { get; } = GateKindRegistry.Empty
        .With(ConfigurationConformanceGate.Kind)
        .With(GoldenConformanceGate.Kind)
        .With(HeaderCoverageGate.Kind)
        .With(DecisionTableGate.Kind)
        .With(BoundedLabelsGate.Kind)
        .With(ErrorRateGate.Kind)
        .With(ValidatorLatencyGate.Kind)
        .With(EnforcedShareGate.Kind)
        .With(AutoDowngradeDrillGate.Kind)
        .With(WebhookHardeningGate.Kind)
        .With(LatencyUnderLoadGate.Kind)
        .With(SustainedErrorRateGate.Kind)
        .With(WouldRejectConformanceGate.Kind)
        .With(TrafficReadinessGate.UnknownRate)
        .With(TrafficReadinessGate.WouldRejectRate)
        .With(ConsumerAuditGate.Kind)
        .With(MigrationRehearsalGate.Kind)
        .With(MigrationVerifyGate.Kind)
        .With(Promql.PromqlGate.Kind)
        .With(Drills.AlertChainDrillGate.Kind)
        .With(Baseline.BaselineLoadGate.Kind)
        .With(DualRun.DualRunGate.Kind)
        .With(Drills.RedisOutageDrillGate.Kind)
        .With(Drills.PostgresOutageDrillGate.Kind)
        .With(Drills.LatencyDrillGate.Kind);
}
