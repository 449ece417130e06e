using Harness.Engine.Requests;
using StageContract.Data;
using StageContract.Endpoints;
using StageContract.Modes;
using StageContract.Problems;

namespace Harness.Engine.Gates.Readiness;

/// <summary>
/// Holds a target's answer to a replayed request to what the harness classified: no 5xx; on a stage
/// endpoint the expected <c>X-Stage-Mode</c>; a stage rejection exactly when the contract gives one,
/// with its exact code (and no other request rejected with a stage or payload code the contract does
/// not give it); and, on a served answer, the deprecation set and the would-reject flag exactly when
/// expected. What depends on the target's own data is not held: whether a fund or a resource id
/// exists (a 404 there), or the service's own business rules.
/// </summary>
public static class CaptureAnswerCheck
{
    /// <summary>Every way <paramref name="actual"/> disagrees with <paramref name="classified"/>; empty when it agrees.</summary>
    public static IReadOnlyList<string> Disagreements(CaptureClass classified, ObservedResponse actual, HeaderNames headers)
    {
        ArgumentNullException.ThrowIfNull(classified);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(headers);
        if (actual.TransportError is not null)
        {
            return [$"no answer: {actual.TransportError}"];
        }

        var problems = new List<string>();
        if (actual.Status >= 500)
        {
            problems.Add($"answered {actual.Status}{Code(actual)}");
        }

        if (classified.Expected is not { } expected)
        {
            return problems;
        }

        var mode = actual.Header(headers.Mode)?.Trim();
        if (mode != expected.Mode.ToWire())
        {
            problems.Add($"{headers.Mode}: expected {expected.Mode.ToWire()}, got {mode ?? "(absent)"}");
        }

        // The target may not hold the resource a captured id names; the contract leaves open whether existence is checked first.
        if (actual.Status >= 500 || (actual.Status == 404 && classified.Endpoint!.NeedsId))
        {
            return problems;
        }

        var want = expected.ProblemCode is { } code && expected.Status is 400 or 422 ? (expected.Status, Code: code) : ((int Status, string Code)?)null;
        var got = actual.ErrorCode is { } c && (StageRejection.IsRejectionCode(c) || c is ProblemCodes.ValidationError or ProblemCodes.InvalidStageWeights or ProblemCodes.NoKnownStages)
            ? (actual.Status, Code: c) : ((int Status, string Code)?)null;
        if (want is { } w && (actual.Status != w.Status || actual.ErrorCode != w.Code))
        {
            problems.Add($"expected {w.Status} {w.Code}, got {actual.Status}{Code(actual)}");
        }
        else if (want is null && got is { } g)
        {
            problems.Add($"answered {g.Status} {g.Code}, which the contract does not give this request ({expected.Reason})");
        }
        else if (want is null && expected.IsProblem && expected.Status == 400 && actual.Status != 400)
        {
            problems.Add($"expected 400 ({expected.Reason}), got {actual.Status}{Code(actual)}");
        }

        var served = actual.Status is >= 200 and < 300 || (actual.Status == 422 && expected.ProblemCode == ProblemCodes.NoKnownStages);
        if (served)
        {
            Presence(problems, headers.Deprecation, expected.Deprecation, actual);
            Presence(problems, headers.WouldReject, expected.WouldReject, actual);
        }

        return problems;
    }

    private static void Presence(List<string> problems, string header, bool expected, ObservedResponse actual)
    {
        var present = actual.Header(header)?.Trim() == "true";
        if (present != expected)
        {
            problems.Add(expected ? $"{header}: expected true, got {actual.Header(header) ?? "(absent)"}" : $"{header}: expected absent, got {actual.Header(header)}");
        }
    }

    private static string Code(ObservedResponse actual) => actual.ErrorCode is null ? "" : " " + actual.ErrorCode;
}
