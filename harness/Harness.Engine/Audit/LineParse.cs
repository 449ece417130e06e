namespace Harness.Engine.Audit;

/// <summary>One line read from an access log: an entry, or why the line is malformed.</summary>
/// <param name="Entry">The request, when the line is well-formed.</param>
/// <param name="Error">Why it is not, when it is not.</param>
public readonly record struct LineParse(AccessLogEntry? Entry, string? Error)
{
    /// <summary>A well-formed line.</summary>
    public static LineParse Of(AccessLogEntry entry) => new(entry, null);

    /// <summary>A malformed line.</summary>
    public static LineParse Malformed(string error) => new(null, error);
}
