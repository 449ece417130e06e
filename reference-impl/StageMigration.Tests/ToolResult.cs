using System.Text.Json;

namespace StageMigration.Tests;

/// <summary>The result of one <c>stage-migrate</c> invocation.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;
}
