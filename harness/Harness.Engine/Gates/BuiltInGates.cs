using Harness.Engine.Gates.BoundedLabels;
using Harness.Engine.Gates.Configuration;
using Harness.Engine.Gates.DecisionTable;
using Harness.Engine.Gates.Drills;
using Harness.Engine.Gates.Golden;
using Harness.Engine.Gates.HeaderCoverage;
using Harness.Engine.Gates.Load;
using Harness.Engine.Gates.Migration;
using Harness.Engine.Gates.Readiness;

namespace Harness.Engine.Gates;

/// <summary>The gate kinds this harness version implements.</summary>
public static class BuiltInGates
{
    /// <summary>A registry with every kind this version implements.</summary>
    public static GateKindRegistry Registry { get; } = GateKindRegistry.Empty
        .With(GateKinds.ConfigurationConformance, ConfigurationConformanceGate.Create)
        .With(GateKinds.GoldenConformance, GoldenConformanceGate.Create)
        .With(GateKinds.HeaderCoverage, HeaderCoverageGate.Create)
        .With(GateKinds.DecisionTable, DecisionTableGate.Create)
        .With(GateKinds.BoundedLabels, BoundedLabelsGate.Create)
        .With(GateKinds.ErrorRate, ErrorRateGate.Create)
        .With(GateKinds.ValidatorLatency, ValidatorLatencyGate.Create)
        .With(GateKinds.EnforcedShare, EnforcedShareGate.Create)
        .With(GateKinds.AutoDowngradeDrill, AutoDowngradeDrillGate.Create)
        .With(GateKinds.LatencyUnderLoad, LatencyUnderLoadGate.Create)
        .With(GateKinds.SustainedErrorRate, SustainedErrorRateGate.Create)
        .With(GateKinds.WouldRejectConformance, WouldRejectConformanceGate.Create)
        .With(GateKinds.UnknownRate, TrafficReadinessGate.CreateUnknownRate)
        .With(GateKinds.WouldRejectRate, TrafficReadinessGate.CreateWouldRejectRate)
        .With(GateKinds.MigrationRehearsal, MigrationRehearsalGate.Create)
        .With(GateKinds.MigrationVerify, MigrationVerifyGate.Create);
}
