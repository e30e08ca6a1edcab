using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Monitor.Host.Cli;

/// <summary>What the command line itself rejects (an unknown command or option, a value of the wrong kind or not
/// among the allowed ones, a required option or subcommand missing), said as every other bad input is: one Vietnamese
/// line on stderr naming the input, exit code 2. System.CommandLine's own report is English, followed by the whole
/// help, with exit code 1.</summary>
internal static class ParseErrors
{
    /// <summary>Runs the parsed command, or reports why the command line was refused.</summary>
    public static async Task<int> InvokeAsync(ParseResult parsed)
    {
        if (parsed.Action is not ParseErrorAction)
        {
            return await parsed.InvokeAsync();
        }

        await Console.Error.WriteLineAsync("lỗi: " + Describe(parsed));
        return 2;
    }

    /// <summary>The first problem of a refused command line, in one line.</summary>
    internal static string Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult;
        var path = PathOf(command);
        if (parsed.UnmatchedTokens.Count > 0)
        {
            return $"'{parsed.UnmatchedTokens[0]}': {path} không có lệnh hay tùy chọn này (xem {path} --help)";
        }

        foreach (var error in parsed.Errors)
        {
            if (BadValue(error.SymbolResult) is { } line)
            {
                return line;
            }
        }

        var missing = command.Command.Options.Where(o => o.Required && parsed.GetResult(o) is null or OptionResult { Implicit: true })
            .Select(o => o.Name)
            .Concat(command.Command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && parsed.GetResult(a) is not ArgumentResult { Tokens.Count: > 0 })
                .Select(a => a.HelpName ?? a.Name.ToUpperInvariant()))
            .ToList();
        if (missing.Count > 0)
        {
            return $"{path}: thiếu {string.Join(", ", missing)} (xem {path} --help)";
        }

        if (command.Command.Subcommands.Count > 0)
        {
            return $"{path}: thiếu lệnh, dùng một trong: {string.Join(", ", command.Command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))} (xem {path} --help)";
        }

        return $"{path}: dòng lệnh không hợp lệ (xem {path} --help)";
    }

    /// <summary>A value the parser could not take: the option or argument as typed, the value, what it needs.</summary>
    private static string? BadValue(SymbolResult? result)
    {
        if (result is null || result.Tokens.Count == 0)
        {
            return null;
        }

        var value = string.Join(" ", result.Tokens.Select(t => t.Value));
        return result switch
        {
            OptionResult o => OptionValue(o, value),
            ArgumentResult { Parent: OptionResult o } => OptionValue(o, value),
            ArgumentResult a => $"{a.Argument.HelpName ?? a.Argument.Name.ToUpperInvariant()} '{value}': {Needs(a.Argument.ValueType, a.Argument.GetCompletions(CompletionContext.Empty))}",
            _ => null,
        };
    }

    // The option as typed ("-o" or "--output"), the value, what it needs.
    private static string OptionValue(OptionResult o, string value) =>
        $"{o.IdentifierToken?.Value ?? o.Option.Name} '{value}': {Needs(o.Option.ValueType, o.Option.GetCompletions(CompletionContext.Empty))}";

    private static string Needs(Type valueType, IEnumerable<CompletionItem> completions)
    {
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        if (type == typeof(string) || type.IsEnum)
        {
            var allowed = completions.Select(c => c.Label).ToList();
            if (allowed.Count > 0)
            {
                return "không hỗ trợ, dùng " + string.Join(", ", allowed[..^1]) + (allowed.Count > 1 ? " hoặc " : "") + allowed[^1];
            }
        }

        return type switch
        {
            _ when type == typeof(int) || type == typeof(long) => "cần một số nguyên",
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "cần một số",
            _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => "cần một ngày dạng YYYY-MM-DD",
            _ when type == typeof(bool) => "cần true hoặc false",
            _ => "giá trị không hợp lệ",
        };
    }

    /// <summary>The command as typed from the root, such as "monitor report coverage".</summary>
    internal static string PathOf(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? r = command; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Parent is null ? "monitor" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(" ", names);
    }
}
