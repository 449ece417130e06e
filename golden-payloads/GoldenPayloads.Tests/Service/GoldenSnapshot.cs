using GoldenPayloads.Modes;
using GoldenPayloads.Running;
using Newtonsoft.Json.Linq;

namespace GoldenPayloads.Tests.Service;

/// <summary>One payload's outcome in every mode, side by side: what a snapshot file holds.</summary>
public sealed record GoldenSnapshot(string Case, string Description, IReadOnlyList<GoldenSnapshot.ModeOutcome> Outcomes)
{
    /// <summary>The outcome in one configuration; the body as a JSON tree so the snapshot shows it as JSON.</summary>
    public sealed record ModeOutcome(string Mode, int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, bool RequestIdEchoed, JToken? Body)
    {
        public static ModeOutcome From(GoldenMode mode, ObservedOutcome observed) => new(
            mode.Name(),
            observed.Status,
            observed.ContentType,
            observed.Headers,
            observed.RequestIdEchoed,
            observed.Body is null ? null : JToken.Parse(GoldenJson.Write(observed.Body), new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore }));
    }
}
