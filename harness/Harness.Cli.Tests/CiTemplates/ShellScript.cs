using System.Text;
using System.Text.RegularExpressions;

namespace Harness.Cli.Tests.CiTemplates;

/// <summary>
/// The <c>rehearse</c> command lines of a shell script as CI templates write them (a step's <c>run</c>, a job's
/// <c>script</c>, a container's <c>sh -c</c>, a webhook's <c>cmd</c>): words in command position whose file name
/// is <c>rehearse</c> (<c>rehearse</c>, <c>./rehearse</c>, <c>"$TOOLS/rehearse"</c>), with the words after them up
/// to the end of the command. Not a shell: enough quoting, continuation lines and operators for templates.
/// </summary>
internal static partial class ShellScript
{
    /// <summary>What every expansion becomes: a value that every option of the CLI accepts (numbers included).</summary>
    public const string Placeholder = "1";

    // Keywords and prefixes after which the next word is still a command.
    private static readonly HashSet<string> CommandPrefixes = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "exec", "time", "command"];

    /// <summary>Each <c>rehearse</c> command's arguments, expansions replaced by <see cref="Placeholder"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> RehearseCommands(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var commands = new List<IReadOnlyList<string>>();
        var words = Words(script);
        var commandPosition = true;
        for (var i = 0; i < words.Count; i++)
        {
            var (text, isOperator) = words[i];
            if (isOperator)
            {
                commandPosition = text is not (">" or "<");
                continue;
            }

            if (!commandPosition || CommandPrefixes.Contains(text) || Assignment().IsMatch(text))
            {
                continue;
            }

            commandPosition = false;
            if (text == "rehearse" || text.EndsWith("/rehearse", StringComparison.Ordinal))
            {
                commands.Add(words.Skip(i + 1).TakeWhile(w => !w.IsOperator).Select(w => w.Text).ToList());
            }
        }

        return commands;
    }

    /// <summary>Template expressions and shell or Kubernetes expansions replaced by <see cref="Placeholder"/>.</summary>
    public static string Expand(string text) => Expansion().Replace(text ?? throw new ArgumentNullException(nameof(text)), Placeholder);

    private static List<(string Text, bool IsOperator)> Words(string script)
    {
        var text = Expand(script.Replace("\\\r\n", " ", StringComparison.Ordinal).Replace("\\\n", " ", StringComparison.Ordinal));
        var words = new List<(string, bool)>();
        var word = new StringBuilder();
        var inWord = false;
        void End()
        {
            if (inWord)
            {
                words.Add((word.ToString(), false));
            }

            word.Clear();
            inWord = false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t':
                    End();
                    break;
                case '\n' or ';' or '(' or ')' or '|' or '&':
                    End();
                    words.Add((c == '\n' ? ";" : c.ToString(), true));
                    while (i + 1 < text.Length && (text[i + 1] == c && c is '|' or '&' or ';'))
                    {
                        i++;
                    }

                    break;
                case '>' or '<':
                    if (inWord && word.ToString().All(char.IsAsciiDigit))
                    {
                        word.Clear();
                        inWord = false;
                    }

                    End();
                    words.Add((c.ToString(), true));
                    while (i + 1 < text.Length && text[i + 1] is '>' or '&' || (i + 1 < text.Length && text[i] == '&' && char.IsAsciiDigit(text[i + 1])))
                    {
                        i++;
                    }

                    break;
                case '#' when !inWord:
                    while (i + 1 < text.Length && text[i + 1] != '\n')
                    {
                        i++;
                    }

                    break;
                case '\'':
                    inWord = true;
                    while (++i < text.Length && text[i] != '\'')
                    {
                        word.Append(text[i]);
                    }

                    break;
                case '"':
                    inWord = true;
                    while (++i < text.Length && text[i] != '"')
                    {
                        word.Append(text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`' ? text[++i] : text[i]);
                    }

                    break;
                case '\\' when i + 1 < text.Length:
                    inWord = true;
                    word.Append(text[++i]);
                    break;
                default:
                    inWord = true;
                    word.Append(c);
                    break;
            }
        }

        End();
        return words;
    }

    // GitHub ${{ }}, GitLab inputs $[[ ]], Argo {{ }}, then $(...) (command substitution, or Kubernetes' $(VAR)), ${...}, $NAME, $? and friends.
    [GeneratedRegex(@"\$\{\{.*?\}\}|\$\[\[.*?\]\]|\{\{.*?\}\}|\$\([^()]*\)|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\$[?#@*0-9]")]
    private static partial Regex Expansion();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();
}
