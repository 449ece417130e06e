namespace Harness.Cli.Tests.CiTemplates;

public sealed class ShellScriptTests
{
    [Fact]
    public void RehearseCommands_OnlyInCommandPosition()
    {
        const string Script = """
            set -euo pipefail
            dotnet tool install --tool-path "$RUNNER_TEMP/tools" --add-source feed rehearse --version 0.15.0
            echo "then rehearse --phase quoted"
            if [ -n "$CAPTURE" ]; then
              "$RUNNER_TEMP/tools/rehearse" --phase "${{ inputs.phase }}" --target "$TARGET" \
                --capture "$CAPTURE" --out report 2>&1 | tee rehearse.log
            else
              PATH="$TOOLS:$PATH" rehearse --phase '{{args.phase}}' --seed $[[ inputs.seed ]]; code=$?
            fi
            ./rehearse phases && rehearse --version # rehearse --not-this
            """;
        var commands = ShellScript.RehearseCommands(Script);
        Assert.Equal(4, commands.Count);
        Assert.Equal(["--phase", "1", "--target", "1", "--capture", "1", "--out", "report"], commands[0]);
        Assert.Equal(["--phase", "1", "--seed", "1"], commands[1]);
        Assert.Equal(["phases"], commands[2]);
        Assert.Equal(["--version"], commands[3]);
    }
}
