using System.Collections;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;

namespace Monitor.Host.Cli;

/// <summary>The help of <c>monitor [command] --help</c>, written in Vietnamese from the command's own symbols:
/// description, usage, arguments, options (with every alias, the value it takes, its default, whether it is required)
/// and subcommands; hidden symbols stay out. System.CommandLine 2.0 writes its frame ("Usage:", "[default: …]",
/// "(REQUIRED)") in English and offers no public way to reword it, so this action replaces its help action.</summary>
internal sealed class VietnameseHelp : SynchronousCommandLineAction
{
    private const int Indent = 2;
    private const int Gap = 2;

    /// <summary>The narrowest second column worth wrapping into; below it lines are left to the terminal.</summary>
    private const int NarrowestColumn = 30;

    /// <summary>Vietnamese descriptions for the help and version options System.CommandLine adds, and this help in place
    /// of its own.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => "Xem cách dùng lệnh.",
                VersionOption => "Xem phiên bản.",
                _ => option.Description,
            };
            if (option is HelpOption help)
            {
                help.Action = new VietnameseHelp();
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var width = Console.IsOutputRedirected ? int.MaxValue : Math.Max(Console.WindowWidth, 40);
        Console.Out.Write(Write(parseResult.CommandResult, width));
        return 0;
    }

    /// <summary>The whole help of the command <paramref name="command"/> resolved to, lines wrapped at <paramref name="width"/>.</summary>
    internal static string Write(CommandResult command, int width)
    {
        var text = new StringBuilder();
        var symbol = command.Command;
        var arguments = symbol.Arguments.Where(a => !a.Hidden).ToList();
        var options = OptionsOf(command);
        var subcommands = symbol.Subcommands.Where(c => !c.Hidden).ToList();

        if (!string.IsNullOrWhiteSpace(symbol.Description))
        {
            text.AppendLine("Mô tả:");
            Rows(text, [(symbol.Description, "")], 0, width);
            text.AppendLine();
        }

        text.AppendLine("Cách dùng:");
        Rows(text, [(Usage(command, arguments, options.Count > 0, subcommands.Count > 0), "")], 0, width);

        List<(string, List<(string First, string Second)>)> sections =
        [
            ("Đối số:", arguments.Select(a => ($"<{NameOf(a)}>", Described(a.Description, DefaultOf(a), required: false))).ToList()),
            ("Tùy chọn:", options.Select(o => (Label(o), Described(o.Description, DefaultOf(o), o.Required))).ToList()),
            ("Lệnh:", subcommands.Select(c => (CommandLabel(c), c.Description ?? "")).ToList()),
        ];
        // One second column for every section, as a reader scans down the whole help.
        var first = sections.SelectMany(s => s.Item2).Select(r => r.First.Length).DefaultIfEmpty(0).Max();
        foreach (var (title, rows) in sections.Where(s => s.Item2.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(title);
            Rows(text, rows, first, width);
        }

        return text.ToString();
    }

    /// <summary>The command's visible options, then the recursive ones of its parents (help), each once.</summary>
    private static List<Option> OptionsOf(CommandResult command)
    {
        var options = command.Command.Options.Where(o => !o.Hidden).ToList();
        for (var parent = command.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            options.AddRange(parent.Command.Options.Where(o => o.Recursive && !o.Hidden && !options.Contains(o)));
        }

        return options;
    }

    private static string Usage(CommandResult command, List<Argument> arguments, bool hasOptions, bool hasSubcommands)
    {
        var parts = new List<string> { ParseErrors.PathOf(command) };
        if (hasSubcommands)
        {
            parts.Add(command.Command.Action is null ? "<lệnh>" : "[lệnh]");
        }

        parts.AddRange(arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[<{NameOf(a)}>]"
            : a.Arity.MaximumNumberOfValues > 1 ? $"<{NameOf(a)}>..." : $"<{NameOf(a)}>"));
        if (hasOptions)
        {
            parts.Add("[tùy chọn]");
        }

        return string.Join(' ', parts);
    }

    private static string NameOf(Argument argument) => argument.HelpName ?? argument.Name;

    /// <summary>Every alias, shortest first, then the value the option takes: its help name, the values it accepts, or
    /// its longest name ("-o, --output &lt;output&gt;").</summary>
    private static string Label(Option option)
    {
        // "/h" and "/?" are Windows spellings System.CommandLine accepts for help; its own help left them out too.
        var names = option.Aliases.Append(option.Name).Where(n => !n.StartsWith('/')).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
        var label = string.Join(", ", names);
        if (option.Arity.MaximumNumberOfValues == 0 || (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) == typeof(bool))
        {
            return label;
        }

        var allowed = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        var value = option.HelpName ?? (allowed.Count > 0 ? string.Join('|', allowed) : names[^1].TrimStart('-', '/'));
        return $"{label} <{value}>";
    }

    private static string CommandLabel(Command command)
    {
        var names = string.Join(", ", command.Aliases.Prepend(command.Name).Distinct());
        var arguments = command.Arguments.Where(a => !a.Hidden).Select(a => $" <{NameOf(a)}>");
        return names + string.Concat(arguments);
    }

    private static string? DefaultOf(Option option) => option.HasDefaultValue ? Shown(option.GetDefaultValue()) : null;

    private static string? DefaultOf(Argument argument) => argument.HasDefaultValue ? Shown(argument.GetDefaultValue()) : null;

    /// <summary>A default as it would be typed on the command line; none for false, an empty text or an empty list.</summary>
    private static string? Shown(object? value) => value switch
    {
        null or false => null,
        string s => s.Length == 0 ? null : s,
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))) is { Length: > 0 } joined ? joined : null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Described(string? description, string? defaultValue, bool required)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(description))
        {
            parts.Add(description);
        }

        if (defaultValue is not null)
        {
            parts.Add($"[mặc định: {defaultValue}]");
        }

        if (required)
        {
            parts.Add("(bắt buộc)");
        }

        return string.Join(' ', parts);
    }

    /// <summary>Two aligned columns; the second wrapped at word boundaries under itself when the width allows.</summary>
    private static void Rows(StringBuilder text, List<(string First, string Second)> rows, int first, int width)
    {
        foreach (var (left, right) in rows)
        {
            if (right.Length == 0)
            {
                text.Append(' ', Indent).AppendLine(left);
                continue;
            }

            var column = Indent + first + Gap;
            var lines = Wrap(right, width - column);
            text.Append(' ', Indent).Append(left.PadRight(first + Gap)).AppendLine(lines[0]);
            foreach (var line in lines.Skip(1))
            {
                text.Append(' ', column).AppendLine(line);
            }
        }
    }

    private static List<string> Wrap(string text, int room)
    {
        if (room < NarrowestColumn || text.Length <= room)
        {
            return [text];
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in Words(text))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }

    /// <summary>The words to wrap; a short group in brackets ("[mặc định: 0]", "(bắt buộc)") stays one word.</summary>
    private static List<string> Words(string text)
    {
        const int ShortGroup = 24;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var (group, end) = (parts[i], i);
            if (group[0] is '[' or '(')
            {
                var close = group[0] == '[' ? ']' : ')';
                while (!group.EndsWith(close) && end + 1 < parts.Length && group.Length <= ShortGroup)
                {
                    group += " " + parts[++end];
                }

                (group, end) = group.EndsWith(close) && group.Length <= ShortGroup ? (group, end) : (parts[i], i);
            }

            words.Add(group);
            i = end;
        }

        return words;
    }
}
