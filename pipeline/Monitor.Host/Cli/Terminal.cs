using Spectre.Console;

namespace Monitor.Host.Cli;

/// <summary>The console tables are written to: plain and wide when output goes to a file or a pipe (CI, logs).</summary>
internal static class Terminal
{
    public static IAnsiConsole Create()
    {
        if (!Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 200;
        return console;
    }
}
