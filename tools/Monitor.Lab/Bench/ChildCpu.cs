using System.Runtime.InteropServices;

namespace Monitor.Lab.Bench;

/// <summary>CPU seconds (user + system) of the child processes this process has waited for (getrusage,
/// RUSAGE_CHILDREN): the difference around one child's run is that child's CPU time, whole process (start-up, JIT,
/// garbage collector and every thread), which a machine shared with other work does not inflate the way it inflates
/// wall-clock time. NaN where the call is not there.</summary>
internal static partial class ChildCpu
{
    private const int Children = -1;

    public static double Seconds() =>
        OperatingSystem.IsLinux() && GetRusage(Children, out var usage) == 0
            ? usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6
            : double.NaN;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Usage usage);

    /// <summary>struct rusage: two timevals, then fourteen longs this class does not read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 18 * sizeof(long))]
    private struct Usage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }
}
