namespace Observability.Tests;

/// <summary>
/// The promtool unit tests are strong enough to notice a wrong rule: each mutant below changes the
/// shipped rule file in exactly one way a careless edit could (a floor, a multiple, a window, a
/// label filter), and the unit tests must fail on it. A mutant that survives means the tests no
/// longer pin that part of the rules down.
/// </summary>
public sealed class RuleMutantTests
{
    public static TheoryData<string, string, string> Mutants => new()
    {
        { "error floor 1 % -> 2 % (with a baseline)", "payload_error_ratio:baseline1d, 0.01)", "payload_error_ratio:baseline1d, 0.02)" },
        { "error floor 1 % -> 2 % (no baseline)", "job:stage_validation_payload_error_ratio:rate5m + 0.01)", "job:stage_validation_payload_error_ratio:rate5m + 0.02)" },
        { "error multiple 2x -> 3x", "2 * job:stage_validation_payload_error_ratio:baseline1d", "3 * job:stage_validation_payload_error_ratio:baseline1d" },
        { "seeds' `or` in place of a max", "clamp_min(2 * job:stage_validation_payload_error_ratio:baseline1d, 0.01)", "(2 * job:stage_validation_payload_error_ratio:baseline1d)" },
        { "enforce rejections counted as errors", "rate(stage_validation_errors_total{error_code!~\"INVALID_STAGE|INVALID_STAGE_DISTRIBUTION\"}[5m])", "rate(stage_validation_errors_total[5m])" },
        { "p99 floor 5 ms -> 4 ms", "p99_baseline1d, 0.005)", "p99_baseline1d, 0.004)" },
        { "p99 multiple 1.1x -> 1.5x", "1.1 * job:stage_validation_duration_seconds:p99_baseline1d", "1.5 * job:stage_validation_duration_seconds:p99_baseline1d" },
        { "p99 quantile 0.99 -> 0.95", "histogram_quantile(0.99, sum by (job, le) (rate(", "histogram_quantile(0.95, sum by (job, le) (rate(" },
        { "rollback p99 floor 1 ms -> 4 ms", "p99_baseline1d, 0.001)", "p99_baseline1d, 0.004)" },
        { "baseline from today, not yesterday", "[1d] offset 1d))", "[1d]))" },
        { "memory multiple 2x -> 3x", "(2 * job:process_memory_bytes:baseline1d)", "(3 * job:process_memory_bytes:baseline1d)" },
        { "blast radius for 30m -> 10m", "for: 30m", "for: 10m" },
        { "blast radius 0.5 % -> 0.7 %", "would_reject_ratio:rate5m > 0.005", "would_reject_ratio:rate5m > 0.007" },
        { "unknown rate forgets enforce rejections", "result=~\"pass|warn|would_reject|reject\"", "result=~\"pass|warn|would_reject\"" },
        { "unknown rate forgets off", "result=~\"pass|warn|would_reject|reject\"", "result=~\"warn|would_reject|reject\"" },
        { "unknown rate for 15m -> 45m", "for: 15m", "for: 45m" },
        { "mode store: errors above 1/s only", "job:stage_mode_redis_errors:rate5m > 0", "job:stage_mode_redis_errors:rate5m > 1" },
        { "rollback error 5 % -> 7 %", "(job:http_5xx_ratio:rate5m > 0.05)", "(job:http_5xx_ratio:rate5m > 0.07)" },
        { "mode disagreement for 2m -> 0m", "for: 2m", "for: 0m" },
        { "no-traffic ratio 0 -> missing", "or on (job) (0 * sum by (job) (rate(stage_validation_validations_total[5m])))\n          )\n            / (sum by (job) (rate(stage_validation_validations_total[5m])) > 0)\n      # Unknown", ")\n            / (sum by (job) (rate(stage_validation_validations_total[5m])) > 0)\n      # Unknown" },
    };

    [Theory]
    [MemberData(nameof(Mutants))]
    public async Task Mutant_FailsTheUnitTests(string mutant, string find, string replace)
    {
        var original = await File.ReadAllTextAsync(Repository.RuleFile);
        Assert.True(original.Contains(find, StringComparison.Ordinal), $"mutant '{mutant}': the rule file no longer contains its text; update the mutant");
        var dir = Directory.CreateTempSubdirectory("rule-mutant-");
        try
        {
            var mutated = original.Replace(find, replace, StringComparison.Ordinal);
            Directory.CreateDirectory(Path.Combine(dir.FullName, "tests"));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "stage-validation.rules.yml"), mutated);
            var tests = Repository.UnitTestFiles.Select(f =>
            {
                var copy = Path.Combine(dir.FullName, "tests", Path.GetFileName(f));
                File.Copy(f, copy);
                return copy;
            }).ToList();
            var (check, checkOutput) = await Promtool.RunAsync(dir.FullName, "check", "rules", Path.Combine(dir.FullName, "stage-validation.rules.yml"));
            Assert.True(check == 0, $"mutant '{mutant}' is not a valid rule file, so it proves nothing: {checkOutput}");

            // The fast file first: most mutants die there; the two-day file only when needed.
            foreach (var file in tests.OrderBy(f => new FileInfo(f).Length))
            {
                var (exit, _) = await Promtool.RunAsync(dir.FullName, "test", "rules", file);
                if (exit != 0)
                {
                    return;
                }
            }

            Assert.Fail($"mutant '{mutant}' survived: the promtool unit tests pass on it");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
