namespace Monitor.Directives.Tests.Support;

/// <summary>Finds the repository root (the folder holding Monitor.sln) and the shared seed directives beside it.</summary>
internal static class Seeds
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/seeds relative to the repository root; fails with a clear message when absent.</summary>
    public static string Folder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));
            Assert.True(Directory.Exists(folder), $"the seed directives are not at {folder}; these tests need ../shared/seeds beside the repository.");
            return folder;
        }
    }

    public static string Data(string name) => Path.Combine(Root, "tests", "Monitor.Directives.Tests", "Data", name);

    public static string Seed(string name) => Path.Combine(Folder, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Monitor.sln not found above {AppContext.BaseDirectory}");
    }
}
