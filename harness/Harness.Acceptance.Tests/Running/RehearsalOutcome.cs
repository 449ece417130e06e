using System.Text.Json;

namespace Harness.Acceptance.Tests.Running;

/// <summary>What one <c>rehearse --phase</c> run gave: its exit code, its output and the gates of its <c>report.json</c>.</summary>
public sealed record RehearsalOutcome(int ExitCode, string Verdict, string Output, IReadOnlyList<GateOutcome> Gates)
{
    public static RehearsalOutcome Read(int exitCode, string output, string reportPath)
    {
        if (!File.Exists(reportPath))
        {
            return new(exitCode, "none", output, []);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(reportPath));
        var gates = json.RootElement.GetProperty("gates").EnumerateArray().Select(GateOutcome.From).ToList();
        return new(exitCode, json.RootElement.GetProperty("verdict").GetString()!, output, gates);
    }

    /// <summary>The gate with id <paramref name="id"/>; fails the test, showing every gate, when there is none.</summary>
    public GateOutcome Gate(string id) =>
        Gates.FirstOrDefault(g => g.Id == id) ?? throw new Xunit.Sdk.XunitException($"no gate '{id}' in the report:\n{this}");

    /// <summary>Exit code, verdict and every gate, one a line: the message of a failed assertion.</summary>
    public override string ToString() =>
        $"exit {ExitCode}, {Verdict}\n  {string.Join("\n  ", Gates)}\n--- output ---\n{Output}";
}
