using System.Globalization;

namespace Monitor.Host.Cli;

/// <summary>A progress bar on stderr: redrawn in place on a terminal, one line per tenth when stderr is a file or a
/// pipe (so logs stay readable). Reports come from the worker's own thread, in order.</summary>
internal sealed class ProgressBar(TextWriter writer, string label) : IProgress<(long Done, long Total)>
{
    private const int Width = 30;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _lastTenth = -1;
    private bool _drawn;

    public void Report((long Done, long Total) value)
    {
        var (done, total) = value;
        var ratio = total == 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(ratio * Width);
        var line = string.Create(CultureInfo.InvariantCulture, $"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {ratio * 100,3:0}% {done:N0}/{total:N0} bài");
        if (_interactive)
        {
            writer.Write("\r" + line);
            _drawn = true;
            return;
        }

        var tenth = (int)(ratio * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            writer.WriteLine(line);
        }
    }

    public void Finish()
    {
        if (_drawn)
        {
            writer.WriteLine();
        }
    }
}
