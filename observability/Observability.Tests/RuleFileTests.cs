namespace Observability.Tests;

/// <summary>
/// The shipped rules (observability/rules) pass <c>promtool check rules</c> and their promtool unit
/// tests, and those tests cover every alert both ways: at least one case where it fires and one
/// where a job whose series the alert reads stays quiet.
/// </summary>
public sealed class RuleFileTests
{
    [Fact]
    public async Task CheckRules_Passes()
    {
        var (exit, output) = await Promtool.RunAsync(Repository.Root, "check", "rules", Repository.RuleFile);
        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitTests_Pass()
    {
        var files = Repository.UnitTestFiles;
        Assert.NotEmpty(files);
        var (exit, output) = await Promtool.RunAsync(Repository.Root, ["test", "rules", .. files]);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void EveryAlert_HasAFiringAndAQuietCase()
    {
        var rules = RuleFile.Load(Repository.RuleFile);
        var groups = Repository.UnitTestFiles.SelectMany(f => UnitTestFile.Load(f).Groups).ToList();
        var missing = new List<string>();
        foreach (var alert in rules.Alerts)
        {
            var reads = rules.RawMetricsOf(alert.Expression);
            var fires = groups.Any(g => g.Alerts.Any(a => a.AlertName == alert.Name && a.FiringJobs.Count > 0));
            var quiet = groups.Any(g => g.Alerts.Any(a => a.AlertName == alert.Name
                && g.Series.Any(s => s.Job is { } job && reads.Contains(s.Metric) && !a.FiringJobs.Contains(job))));
            if (!fires)
            {
                missing.Add($"{alert.Name}: no case where it fires");
            }

            if (!quiet)
            {
                missing.Add($"{alert.Name}: no case where a job with series it reads ({string.Join(", ", reads)}) stays quiet");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(rules.Alerts.Count() >= 9, "the rule file lost alerts");
    }

    [Fact]
    public void RawMetricsOf_ExpandsRecordingRules()
    {
        var rules = RuleFile.Load(Repository.RuleFile);
        var memory = rules.Alerts.Single(a => a.Name == "StageRollbackMemory");
        Assert.Equal(["process_resident_memory_bytes", "process_working_set_bytes"], rules.RawMetricsOf(memory.Expression));
        var errors = rules.Alerts.Single(a => a.Name == "StageValidationHighErrorRatio");
        Assert.Equal(["stage_validation_errors_total", "stage_validation_validations_total"], rules.RawMetricsOf(errors.Expression));
    }

    [Theory]
    [InlineData("sum by (job, le) (rate(stage_validation_duration_seconds_bucket{mode=\"warn\"}[5m] offset 1d))", "stage_validation_duration_seconds_bucket")]
    [InlineData("max by (job) (a_bytes or b_bytes) > on (job) group_left() 2 * c:d:e", "a_bytes,b_bytes,c:d:e")]
    [InlineData("clamp_min(x_total, 1e-9) or on (job) vector(0.01)", "x_total")]
    public void PromqlNames_AreTheSelectedMetrics(string expression, string expected) =>
        Assert.Equal(expected.Split(','), PromqlNames.Of(expression));
}
