namespace Monitor.Tests.Shared;

/// <summary>A test that reads real material from <c>../shared</c> beside the checkout (the seed directives, the saved
/// pages of the corpus). A clone without it reports the test as skipped with the reason; CI, which always has it, sets
/// <c>MONITOR_REQUIRE_SHARED=1</c> (in .ci/run) so that a missing folder fails there instead of passing silently.
/// xunit 2 reads <see cref="FactAttribute.Skip"/> from the attribute instance when it builds the test case, so the
/// decision is made at discovery from the file system.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] relativePaths) => Skip = SharedData.SkipReason(relativePaths);
}

/// <summary>The <see cref="TheoryAttribute"/> of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(params string[] relativePaths) => Skip = SharedData.SkipReason(relativePaths);
}

/// <summary>Whether the material a test names is present in ../shared.</summary>
internal static class SharedData
{
    /// <summary>Set to 1 by CI: absent material is then a failure, never a skip.</summary>
    public const string RequireVariable = "MONITOR_REQUIRE_SHARED";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) is "1" or "true";

    /// <summary>null when every path exists under ../shared (or when CI requires it: the test then runs and fails on
    /// the missing file with its own message); otherwise the sentence the test runner prints as the skip reason.</summary>
    public static string? SkipReason(params string[] relativePaths) => SkipReason(Required, relativePaths);

    public static string? SkipReason(bool required, params string[] relativePaths)
    {
        var missing = relativePaths
            .Select(r => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", r)))
            .Where(p => !Directory.Exists(p) && !File.Exists(p))
            .ToList();
        return missing.Count == 0 || required
            ? null
            : $"{string.Join(", ", missing)} is absent: this test reads the real material of ../shared beside the checkout (CI sets {RequireVariable}=1 and fails instead)";
    }
}
