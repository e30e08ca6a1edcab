namespace Monitor.Tests.Shared;

/// <summary>Where the repository and the shared material (../shared beside the checkout) are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/corpus or ../shared/seeds; fails with a clear message when CI's ../shared is absent.</summary>
    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
        return Directory.Exists(path) || File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is absent: these tests read the real material in ../shared beside the checkout");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Monitor.sln not found above " + AppContext.BaseDirectory);
    }
}
