namespace Harness.Engine.Audit;

/// <summary>The path and query of a logged request target (origin form, or the absolute form a proxy may log).</summary>
public static class RequestTarget
{
    /// <summary>The origin-form target (<c>/path?query</c>), or null when <paramref name="target"/> is neither form.</summary>
    public static string? PathOf(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.StartsWith('/'))
        {
            return target;
        }

        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var slash = target.IndexOf('/', target.IndexOf("//", StringComparison.Ordinal) + 2);
            return slash < 0 ? "/" : target[slash..];
        }

        return null;
    }
}
