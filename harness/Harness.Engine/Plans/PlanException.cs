namespace Harness.Engine.Plans;

/// <summary>A plan could not be read or is invalid. The message is one line naming the file and position.</summary>
public sealed class PlanException : Exception
{
    public PlanException(string message) : base(message) { }

    public PlanException(string message, Exception innerException) : base(message, innerException) { }

    public PlanException() { }
}
