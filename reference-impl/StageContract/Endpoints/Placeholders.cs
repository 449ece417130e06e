namespace StageContract.Endpoints;

/// <summary>
/// The placeholders of the data file's route and body templates. A request builder replaces them
/// with values of its own (the fund, company, amount and run count it uses, a name for the request)
/// and writes the stage pattern once per stage value (<see cref="BodyTemplate"/>).
/// </summary>
public static class Placeholders
{
    /// <summary>Route: the id of an existing resource of the endpoint's <see cref="StageEndpoint.Resource"/> kind.</summary>
    public const string Id = "{id}";

    /// <summary>Route and body: the fund the request addresses (a JSON number in a body).</summary>
    public const string FundId = "{fundId}";

    /// <summary>Body: a company of that fund (a JSON number).</summary>
    public const string CompanyId = "{companyId}";

    /// <summary>Body: an amount (a JSON number).</summary>
    public const string Amount = "{amount}";

    /// <summary>Body: a run count (a JSON number).</summary>
    public const string Runs = "{runs}";

    /// <summary>Body: a name for the request (a JSON string).</summary>
    public const string Name = "{name}";

    /// <summary>Body, inside the stage pattern: one stage value, as a member value or (object input) as the member name.</summary>
    public const string Stage = "{stage}";

    /// <summary>Body, inside the stage pattern of a distribution: that stage's weight (a JSON number).</summary>
    public const string Weight = "{weight}";

    /// <summary>The placeholders a route template may hold.</summary>
    public static IReadOnlyList<string> InRoutes { get; } = [Id, FundId];

    /// <summary>The placeholders a body may hold outside the stage pattern (and inside it, beside <see cref="Stage"/> and <see cref="Weight"/>).</summary>
    public static IReadOnlyList<string> InBodies { get; } = [FundId, CompanyId, Amount, Runs, Name];

    /// <summary>True for <c>{letters}</c>: text that is meant as a placeholder, known or not.</summary>
    public static bool LooksLikeOne(string text) =>
        text is ['{', .. var inner, '}'] && inner.Length > 0 && inner.All(char.IsAsciiLetter);
}
