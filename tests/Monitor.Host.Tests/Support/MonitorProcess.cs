using System.Diagnostics;

namespace Monitor.Host.Tests.Support;

/// <summary>Runs the real monitor executable (monitor.dll beside the tests) as a separate process.</summary>
internal sealed class MonitorProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private readonly System.Text.StringBuilder _stdout = new();
    private readonly System.Text.StringBuilder _stderr = new();

    private MonitorProcess(Process process) => _process = process;

    public static MonitorProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts with extra environment variables (settings such as Monitor__Elasticsearch__Url).</summary>
    public static MonitorProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) => Launch(environment, null, args);

    /// <summary>Runs to completion with <paramref name="input"/> on standard input (then closed).</summary>
    public static async Task<(int ExitCode, string[] Lines)> RunWithInputAsync(TimeSpan limit, string input, params string[] args)
    {
        using var run = Launch(new Dictionary<string, string>(), input, args);
        using var cts = new CancellationTokenSource(limit);
        await run._process.WaitForExitAsync(cts.Token);
        run._process.WaitForExit();
        return (run._process.ExitCode, run.Lines);
    }

    private static MonitorProcess Launch(IReadOnlyDictionary<string, string> environment, string? input, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "monitor.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Every server of these tests is on 127.0.0.1, which a real crawl refuses; a test may set it back to false.
        info.Environment["Monitor__Fetch__AllowPrivateNetworks"] = "true";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info)!;
        var run = new MonitorProcess(process);
        process.OutputDataReceived += (_, e) => run.Append(e.Data, run._stdout);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data, run._stderr);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        return run;
    }

    /// <summary>Runs to completion (or fails after <paramref name="limit"/>) and returns the exit code and every line.</summary>
    public static Task<(int ExitCode, string[] Lines)> RunAsync(TimeSpan limit, params string[] args) => RunAsync(limit, new Dictionary<string, string>(), args);

    public static async Task<(int ExitCode, string[] Lines)> RunAsync(TimeSpan limit, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var run = Start(environment, args);
        using var cts = new CancellationTokenSource(limit);
        await run._process.WaitForExitAsync(cts.Token);
        run._process.WaitForExit();
        return (run._process.ExitCode, run.Lines);
    }

    /// <summary>Runs to completion and returns the exit code, the lines of standard output and those of standard error, apart.</summary>
    public static async Task<(int ExitCode, string[] Output, string[] Errors)> RunApartAsync(TimeSpan limit, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var run = Start(environment, args);
        using var cts = new CancellationTokenSource(limit);
        await run._process.WaitForExitAsync(cts.Token);
        run._process.WaitForExit();
        lock (run._output)
        {
            return (run._process.ExitCode, run._stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries),
                run._stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    /// <summary>The lines written to standard output so far (the log lines go to standard error).</summary>
    public string[] OutputLines
    {
        get
        {
            lock (_output)
            {
                return _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    public string[] Lines
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>Kills the process at once, as a crash or an OOM killer would (SIGKILL).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line, System.Text.StringBuilder stream)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
            stream.Append(line).Append('\n');
        }
    }
}
