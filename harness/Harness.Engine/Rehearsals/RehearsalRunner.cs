using System.Diagnostics;
using Harness.Engine.Findings;
using Harness.Engine.Gates;
using Harness.Engine.Plans;
using Harness.Engine.Reports;
using Harness.Engine.Targets;
using Harness.Engine.Verdicts;

namespace Harness.Engine.Rehearsals;

/// <summary>
/// Runs a phase's gates in plan order and builds the report. Every gate is built first, so a plan
/// with unusable parameters fails before any traffic is sent. A phase without a
/// configuration-conformance gate gets one (blocking, marked implicit): a target is never judged
/// without first checking that it runs the phase's configuration.
/// </summary>
public sealed class RehearsalRunner(GateKindRegistry registry, TimeProvider timeProvider)
{
    /// <summary>Id of the configuration gate the runner adds when a phase has none.</summary>
    public const string ImplicitConfigurationGateId = "target-configuration";

    /// <summary>Builds every gate of the phase; throws <see cref="PlanException"/> listing every unusable gate.</summary>
    public IReadOnlyList<(GateSpec Spec, IGate Gate, bool Implicit)> Prepare(Phase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        var specs = phase.Gates.Select(g => (Spec: g, Implicit: false)).ToList();
        if (!phase.Gates.Any(g => g.Kind == GateKinds.ConfigurationConformance))
        {
            specs.Insert(0, (new GateSpec
            {
                Id = ImplicitConfigurationGateId,
                Kind = GateKinds.ConfigurationConformance,
                Description = "the target runs the phase configuration (added by the harness)",
            }, true));
        }

        var built = new List<(GateSpec, IGate, bool)>();
        var errors = new List<string>();
        foreach (var (spec, isImplicit) in specs)
        {
            var creation = registry.Create(spec);
            if (creation.Succeeded)
            {
                built.Add((spec, creation.Gate, isImplicit));
            }
            else
            {
                errors.Add($"gate '{spec.Id}' ({spec.Kind}): {creation.Error}");
            }
        }

        return errors.Count == 0
            ? built
            : throw new PlanException($"phase '{phase.Name}': {string.Join("; ", errors)}");
    }

    /// <summary>Runs the phase and returns the report. Throws only for cancellation and bad plans.</summary>
    public async Task<RehearsalReport> RunAsync(RehearsalRequest request, IRehearsalObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var gates = Prepare(request.Phase);
        var started = timeProvider.GetUtcNow();
        var reports = new List<GateReport>(request.PriorGates);
        var values = ValuesFor(request);
        for (var i = 0; i < gates.Count; i++)
        {
            var (spec, gate, isImplicit) = gates[i];
            observer.GateStarted(spec, i, gates.Count);
            var context = ContextFor(request, spec, values, timeProvider);
            var begin = timeProvider.GetTimestamp();
            var result = NeedsCheck.Unmet(registry.Describe(spec.Kind), spec, request)
                ?? await EvaluateSafelyAsync(gate, context, request.GateTimeout, cancellationToken).ConfigureAwait(false);
            var report = GateReport.From(spec, result, timeProvider.GetElapsedTime(begin), isImplicit);
            reports.Add(report);
            observer.GateFinished(report, i, gates.Count);
        }

        var observed = await TargetProbe.ReadAsync(request.Client, request.Rules.Endpoints.Routes, cancellationToken).ConfigureAwait(false);
        var (gateReports, findings) = request.KnownFindings is { } known
            ? FindingsReview.Apply(reports, known.Findings, known.Source)
            : (reports, null);
        var verdict = VerdictRules.Decide(gateReports.Select(r => (r.Decides(), r.Status)));
        return new RehearsalReport
        {
            Phase = request.Phase.Name,
            PhaseDescription = request.Phase.Description,
            Verdict = verdict,
            VerdictReason = VerdictReasons.Explain(verdict, gateReports),
            StartedAt = started,
            FinishedAt = timeProvider.GetUtcNow(),
            Seed = request.Seed,
            Versions = HarnessVersions.For(request.Rules),
            Target = new ReportTarget(request.TargetKind.ToWire(), request.Http.BaseAddress?.ToString() ?? "", observed.Report?.Configuration),
            Plan = new ReportPlan(request.Plan.Source, request.Plan.Sha256, request.Plan.Version),
            Configuration = request.Phase.Configuration,
            ContractValues = new ReportContractValues(values.Sunset, values.DocsUrl, values.Source),
            Ladder = ReportLadder.Around(request.Plan, request.Phase.Name),
            Findings = findings,
            Gates = gateReports,
        };
    }

    /// <summary>The sunset and docs URL a request's gates hold the target to: the plan's, else learned from the target.</summary>
    public static DeprecationValues ValuesFor(RehearsalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Plan.Contract is { } declared
            ? DeprecationValues.Declared(request.Rules.Data.Headers, declared.Sunset, declared.DocsUrl)
            : DeprecationValues.ToLearn(request.Rules.Data.Headers);
    }

    /// <summary>What one gate of <paramref name="request"/> runs with.</summary>
    public static GateContext ContextFor(RehearsalRequest request, GateSpec spec, DeprecationValues values, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new GateContext
        {
            Http = request.Http,
            Client = request.Client,
            Phase = request.Phase,
            Spec = spec,
            Rules = request.Rules,
            DeprecationValues = values,
            TimeProvider = timeProvider,
            Seed = request.Seed,
            Baseline = request.Baseline,
            Diff = request.Plan.Diff,
            Credentials = request.Credentials,
            CapturePath = request.CapturePath,
            Database = request.Database,
            Monitoring = request.Monitoring,
            Dependencies = request.Dependencies,
            Latency = request.Latency,
            TargetKind = request.TargetKind,
            ArtifactsDirectory = request.ArtifactsDirectory,
            BaseDirectory = request.Plan.BaseDirectory ?? Directory.GetCurrentDirectory(),
        };
    }

    private async Task<GateResult> EvaluateSafelyAsync(IGate gate, GateContext context, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await gate.EvaluateAsync(context, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            return GateResult.NotEvaluated(context.Spec.Kind, $"gate timed out after {timeout.TotalSeconds:0} s", context.Spec.Threshold?.Text ?? "");
        }
#pragma warning disable CA1031 // A gate's bug or I/O failure must end as NotEvaluated, never abort the other gates or pass.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Debug.WriteLine(e);
            return GateResult.NotEvaluated(context.Spec.Kind, $"gate failed to run: {e.GetType().Name}: {e.Message}", context.Spec.Threshold?.Text ?? "");
        }
    }
}
