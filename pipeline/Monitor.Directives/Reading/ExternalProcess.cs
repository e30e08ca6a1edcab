using System.ComponentModel;
using System.Diagnostics;

namespace Monitor.Directives.Reading;

/// <summary>Runs a command-line tool (pdftotext, pdftoppm, tesseract) and returns its standard output; the
/// process is killed when the token is cancelled so an abandoned import leaves nothing running.</summary>
internal static class ExternalProcess
{
    /// <summary>Null when the tool is not installed.</summary>
    public static async Task<ProcessResult?> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            try
            {
                var stdout = process.StandardOutput.ReadToEndAsync(ct);
                var stderr = process.StandardError.ReadToEndAsync(ct);
                await process.WaitForExitAsync(ct);
                return new ProcessResult(process.ExitCode, await stdout, await stderr);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
    }
}

/// <summary>Exit code and output of a finished tool.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error);
