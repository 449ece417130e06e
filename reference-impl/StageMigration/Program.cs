using StageMigration;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var cli = new MigrationCli(Console.Out, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable);
return await cli.RunAsync(args, cancellation.Token);
