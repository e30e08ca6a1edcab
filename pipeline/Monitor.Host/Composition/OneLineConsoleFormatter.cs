using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Monitor.Host.Composition;

/// <summary>Log lines for people at a terminal: "cảnh báo: nguồn hong: …", one line each; the exception's stack
/// trace follows only for errors (a bug), never for warnings (bad input).</summary>
internal sealed class OneLineConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "monitor";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null)
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Warning => "cảnh báo: ",
            LogLevel.Error or LogLevel.Critical => "lỗi: ",
            _ => "",
        };
        textWriter.WriteLine(level + message.ReplaceLineEndings(" "));
        if (logEntry.Exception is not null && logEntry.LogLevel >= LogLevel.Error)
        {
            textWriter.WriteLine(logEntry.Exception.ToString());
        }
    }
}
