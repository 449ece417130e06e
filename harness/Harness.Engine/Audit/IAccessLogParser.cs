namespace Harness.Engine.Audit;

/// <summary>Reads one line of an access log. Never throws on bad input: a bad line is <see cref="LineParse.Malformed"/>.</summary>
public interface IAccessLogParser
{
    /// <summary>The request on <paramref name="line"/>, or why there is none.</summary>
    LineParse Parse(string line);
}
