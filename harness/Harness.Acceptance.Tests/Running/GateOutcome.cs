using System.Text.Json;

namespace Harness.Acceptance.Tests.Running;

/// <summary>One gate of a <c>report.json</c>, as much of it as the assertions and their messages need.</summary>
public sealed record GateOutcome(string Id, string Kind, bool Blocking, string Status, string ValueText, string Reason)
{
    public static GateOutcome From(JsonElement gate) => new(
        gate.GetProperty("id").GetString()!,
        gate.GetProperty("kind").GetString()!,
        gate.GetProperty("blocking").GetBoolean(),
        gate.GetProperty("status").GetString()!,
        gate.TryGetProperty("valueText", out var value) ? value.GetString() ?? "" : "",
        gate.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "");

    public override string ToString() => $"{Id} [{Kind}{(Blocking ? "" : ", advisory")}]: {Status} {ValueText} ({Reason})";
}
