using System.Globalization;
using System.Text;
using System.Text.Json;
using StageContract;

namespace Harness.Acceptance.Tests.Phases;

/// <summary>
/// A capture of clean real traffic, what a team that is ready for the next rung would replay with
/// <c>--capture</c>: JSON lines <c>{"method","path","body","requestId"}</c> on every stage endpoint
/// that creates or reads (Monte Carlo, strategies, allocations, the companies filter), with canonical
/// and alias stages only (the contract data's alias table, in several spellings), never an unknown one.
/// </summary>
public static class CleanCapture
{
    /// <summary>Enough requests for a 0 % share to lie below 0.5 % with 95 % confidence (Wilson: n > 765).</summary>
    public const int Requests = 1_000;

    /// <summary>Every accepted spelling: the canonical stages, their alias keys, and those in upper and title case.</summary>
    public static IReadOnlyList<string> Stages { get; } = Spellings();

    public static string Text()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < Requests; i++)
        {
            var first = Stages[i % Stages.Count];
            var second = Stages[(i * 7 + 3) % Stages.Count];
            var fundId = 1 + (i % 3);
            var id = "capture-" + i.ToString(CultureInfo.InvariantCulture);
            object line = (i % 4) switch
            {
                0 => new { method = "GET", path = $"/api/funds/{fundId}/companies?stage={Uri.EscapeDataString(first)}", requestId = id },
                1 => new
                {
                    method = "POST", path = "/api/monte-carlo/simulate", requestId = id,
                    body = new { fundId, runs = 20, seed = i, stageDistribution = new[] { new { stage = first, weight = 0.5 }, new { stage = second, weight = 0.5 } } },
                },
                2 => new
                {
                    method = "POST", path = "/api/portfolio/strategies", requestId = id,
                    body = new { fundId, name = $"captured {i}", stageAllocation = new Dictionary<string, double> { [first] = 1.0 } },
                },
                _ => new
                {
                    method = "POST", path = "/api/allocations", requestId = id,
                    body = new { fundId = 1, items = new[] { new { companyId = 101, stage = first, amount = 1000 }, new { companyId = 102, stage = second, amount = 2500 } } },
                },
            };
            lines.Append(JsonSerializer.Serialize(line)).Append('\n');
        }

        return lines.ToString();
    }

    private static List<string> Spellings()
    {
        var data = ContractRules.Default.Data;
        var keys = data.Stages.Concat(data.Aliases.SelectMany(a => a.Value)).Distinct(StringComparer.Ordinal).ToList();
        var spellings = keys
            .Concat(keys.Select(k => k.ToUpperInvariant()))
            .Concat(keys.Select(k => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(k)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var unknown = spellings.Where(s => ContractRules.Default.Normalizer.Normalize(s).IsKnown is false).ToList();
        return unknown.Count == 0 ? spellings : throw new InvalidOperationException($"not accepted by the contract: {string.Join(", ", unknown)}");
    }
}
