namespace Harness.Engine.Gates.Kinds;

/// <summary>One parameter of a gate kind, as documentation shows it.</summary>
/// <param name="Name">Its name in a plan (camelCase).</param>
/// <param name="Type">integer, number, true/false, text, or map of lists.</param>
/// <param name="Default">The default, as written in a plan; <c>none</c> when there is none.</param>
/// <param name="Allowed">The range or the choices; empty when any value of the type goes.</param>
/// <param name="Description">What it sets.</param>
public sealed record GateParameterInfo(string Name, string Type, string Default, string Allowed, string Description);
