using System.CommandLine;
using StageMigration.Generation;

namespace StageMigration.Verbs;

/// <summary><c>stage-migrate generate</c>: appends deterministic legacy (dirty) data.</summary>
internal static class GenerateVerb
{
    /// <summary>The command.</summary>
    public static Command Build(VerbContext context)
    {
        var companies = new Option<int>("--companies") { DefaultValueFactory = _ => 100_000, Description = "Companies to generate." };
        var strategies = new Option<int>("--strategies") { DefaultValueFactory = _ => 20_000, Description = "Strategies to generate." };
        var funds = new Option<int>("--funds") { DefaultValueFactory = _ => 50, Description = "Funds the rows are spread over." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Generator seed." };
        var invalid = new Option<double>("--invalid-share") { DefaultValueFactory = _ => 0, Description = "Share of distributions with weights that cannot be migrated (default 0)." };
        OptionBounds.AtLeast(companies, 0);
        OptionBounds.AtLeast(strategies, 0);
        OptionBounds.AtLeast(funds, 1);
        invalid.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1)
            {
                r.AddError($"{invalid.Name} must be between 0 and 1");
            }
        });

        return VerbCommand.Create(context, "generate", "Append deterministic legacy (dirty) data.", [companies, strategies, funds, seed, invalid], async (parse, dataSource, cancellationToken) =>
        {
            var options = new GeneratorOptions(parse.GetValue(companies), parse.GetValue(strategies), parse.GetValue(funds), parse.GetValue(seed), parse.GetValue(invalid));
            var result = await new DirtyDataGenerator(dataSource, context.Rules(parse), context.Error, context.TimeProvider).GenerateAsync(options, cancellationToken).ConfigureAwait(false);
            return await context.ReportAsync(parse, result, cancellationToken).ConfigureAwait(false);
        });
    }
}
