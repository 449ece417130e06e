using Harness.Engine.Plans;

namespace Harness.Cli.Verbs;

/// <summary>Runs a verb's action, turning every exception it can meet into one line on stderr and an exit code.</summary>
internal static class VerbRunner
{
    public static async Task<int> RunAsync(VerbContext context, Func<Task<int>> verb, CancellationToken cancellationToken)
    {
        try
        {
            return await verb().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, "cancelled");
        }
        catch (PlanException e)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, e.Message);
        }
        catch (FormatException e)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return context.Fail(ExitCodes.HarnessOrUsageError, $"I/O error: {e.Message}");
        }
#pragma warning disable CA1031 // The CLI's contract is one line and an exit code, also for a bug.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (context.Environment.Get("REHEARSE_DEBUG") is "1")
            {
                context.Output.Error.WriteLine(e.ToString());
            }

            return context.Fail(ExitCodes.HarnessOrUsageError, $"internal error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
    }
}
