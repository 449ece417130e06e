namespace Harness.Cli.Tests.CiTemplates;

/// <summary>A <c>rehearse</c> command line found in a template.</summary>
/// <param name="Location">Line and YAML path, for messages.</param>
/// <param name="Arguments">Its arguments, expansions replaced by <see cref="ShellScript.Placeholder"/>.</param>
internal sealed record RehearseInvocation(string Location, IReadOnlyList<string> Arguments)
{
    public override string ToString() => $"{Location}: rehearse {string.Join(' ', Arguments)}";
}
