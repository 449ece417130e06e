namespace Harness.Cli.Tests.CiTemplates;

/// <summary>What a template file is (the kinds of its documents) and what is wrong with it.</summary>
internal sealed record TemplateResult(IReadOnlyList<string> Kinds, IReadOnlyList<string> Problems);
