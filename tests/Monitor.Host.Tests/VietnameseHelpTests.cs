using System.CommandLine;
using Monitor.Host.Cli;

namespace Monitor.Host.Tests;

/// <summary>The help's layout on a terminal of a given width, on a command made for the test: long descriptions wrap
/// under their own column, hidden symbols stay out, a repeated argument and an optional one read as such.</summary>
public sealed class VietnameseHelpTests
{
    [Fact]
    public void Long_descriptions_wrap_under_their_column_within_the_width_and_hidden_symbols_stay_out()
    {
        var words = string.Join(' ', Enumerable.Repeat("mô tả dài của tùy chọn", 12));
        var command = new Command("thu", "Lệnh thử.")
        {
            new Argument<string[]>("TỆP") { Description = "Các tệp.", Arity = ArgumentArity.OneOrMore },
            new Option<string>("--dai", "-d") { Description = words },
            new Option<bool>("--an") { Description = "Không hiện.", Hidden = true },
            new Option<int>("--so") { Description = words, DefaultValueFactory = _ => 7, Required = true },
            new Command("con-an", "Không hiện.") { Hidden = true },
        };
        var root = new RootCommand("Gốc.") { command };

        var lines = VietnameseHelp.Write(root.Parse("thu x").CommandResult, 60).Split(Environment.NewLine);

        Assert.Contains("  monitor thu <TỆP>... [tùy chọn]", lines);
        Assert.All(lines, l => Assert.True(l.Length <= 60, $"'{l}' is {l.Length} wide"));
        var row = Array.FindIndex(lines, l => l.StartsWith("  -d, --dai <dai>", StringComparison.Ordinal));
        var column = lines[row].IndexOf("mô tả", StringComparison.Ordinal);
        var wrapped = lines.Skip(row + 1).TakeWhile(l => l.Length > column && l[..column].Trim().Length == 0).ToList();
        Assert.NotEmpty(wrapped);
        Assert.Equal(words, string.Join(' ', wrapped.Prepend(lines[row]).Select(l => l[column..])));
        Assert.DoesNotContain(lines, l => l.Contains("--an", StringComparison.Ordinal) || l.Contains("con-an", StringComparison.Ordinal));
        // The default and "required" are not cut across lines.
        Assert.Contains(lines, l => l.Contains("[mặc định: 7]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("(bắt buộc)", StringComparison.Ordinal));
    }
}
