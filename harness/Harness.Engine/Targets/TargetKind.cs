namespace Harness.Engine.Targets;

/// <summary>What a rehearsal runs against.</summary>
public enum TargetKind
{
    /// <summary>A service at a URL, used as it is (a team's own, or the reference started elsewhere).</summary>
    Url,

    /// <summary>The reference service the harness started in-process for this run; it has no real traffic.</summary>
    Embedded,
}

/// <summary>The names reports use.</summary>
public static class TargetKinds
{
    /// <summary><c>embedded</c> or <c>url</c>.</summary>
    public static string ToWire(this TargetKind kind) => kind == TargetKind.Embedded ? "embedded" : "url";
}
