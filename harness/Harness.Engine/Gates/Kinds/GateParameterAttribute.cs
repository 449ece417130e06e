namespace Harness.Engine.Gates.Kinds;

/// <summary>
/// Declares a property of a gate kind's options record as a plan parameter (its name in the plan is
/// the property's name in camelCase; its default is the property's initial value). The binder, the
/// plan errors, <c>rehearse phases --kinds</c> and the gate table of <c>harness/README.md</c> are all
/// read from these declarations, so a parameter is described in one place.
/// </summary>
/// <param name="description">What the parameter sets, in a few words.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class GateParameterAttribute(string description) : Attribute
{
    /// <summary>What the parameter sets.</summary>
    public string Description { get; } = description;

    /// <summary>Least value of a number; default none.</summary>
    public double Min { get; set; } = double.NegativeInfinity;

    /// <summary>Greatest value of a number; default none.</summary>
    public double Max { get; set; } = double.PositiveInfinity;

    /// <summary>The values a string or number may take (numbers written invariantly); default any.</summary>
    public string[]? Choices { get; set; }
}
