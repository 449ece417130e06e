using System.CommandLine;

namespace StageMigration.Verbs;

/// <summary>Bounds checked at parse time, before any database is touched.</summary>
internal static class OptionBounds
{
    /// <summary>Rejects a value below <paramref name="minimum"/> with "--x must be > 0, got n" (">= 0" for a minimum of 0).</summary>
    public static void AtLeast(Option<int> option, int minimum) =>
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < minimum)
            {
                r.AddError($"{option.Name} must be {(minimum == 0 ? ">= 0" : "> 0")}, got {r.GetValueOrDefault<int>()}");
            }
        });
}
