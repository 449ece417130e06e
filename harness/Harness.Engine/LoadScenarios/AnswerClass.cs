using Harness.Engine.Requests;
using StageContract.Data;

namespace Harness.Engine.LoadScenarios;

/// <summary>
/// How one answer under load compares with the contract's answer to its request (sections 3-5):
/// the status, the effective mode in <c>X-Stage-Mode</c> and the would-reject flag. One class per
/// answer, so the load engine can tally them.
/// </summary>
public static class AnswerClass
{
    /// <summary>The answer is what the contract gives.</summary>
    public const string AsGiven = "as the contract gives";

    /// <summary>The class of an answer.</summary>
    public static string Of(Expectation expected, HttpResponseMessage response, HeaderNames headers)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(headers);
        var status = (int)response.StatusCode;
        if (expected.Status is { } s ? status != s : status is < 200 or >= 300)
        {
            return "wrong status";
        }

        var mode = response.Headers.TryGetValues(headers.Mode, out var modes) ? modes.First() : null;
        if (mode != StageContract.Modes.ModeNames.ToWire(expected.Mode))
        {
            return mode is null ? "no X-Stage-Mode" : "wrong X-Stage-Mode";
        }

        var flagged = response.Headers.TryGetValues(headers.WouldReject, out var flags) && flags.Contains("true");
        return expected.Status is null && flagged != expected.ExpectsWouldReject ? "wrong would-reject flag" : AsGiven;
    }
}
