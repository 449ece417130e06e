using Harness.Cli;
using Harness.Cli.Output;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var app = new CliApp(CliOutput.FromConsole(), TimeProvider.System, CliApp.DefaultRegistry, Directory.GetCurrentDirectory());
return await app.RunAsync(args, cancellation.Token);
