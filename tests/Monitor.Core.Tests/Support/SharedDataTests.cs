using Monitor.Tests.Shared;

namespace Monitor.Core.Tests.Support;

/// <summary>The rule behind <see cref="SharedDataFactAttribute"/>: a clone without ../shared skips with the reason,
/// CI (which requires the material) runs the test so that it fails.</summary>
public sealed class SharedDataTests
{
    [Fact]
    public void Material_absent_from_a_clone_is_a_skip_that_names_the_missing_folder()
    {
        var reason = SharedData.SkipReason(required: false, "corpus/no-such-folder");

        Assert.NotNull(reason);
        Assert.Contains(Path.Combine("shared", "corpus", "no-such-folder"), reason, StringComparison.Ordinal);
        Assert.Contains(SharedData.RequireVariable, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Material_absent_when_ci_requires_it_is_not_skipped_so_the_test_fails()
    {
        Assert.Null(SharedData.SkipReason(required: true, "corpus/no-such-folder"));
    }

    [Fact]
    public void The_repository_itself_is_never_a_reason_to_skip()
    {
        // "../main"-style: the folder holding the checkout always exists, whatever its name.
        Assert.Null(SharedData.SkipReason(required: false, Path.Combine("..", new DirectoryInfo(RepositoryPaths.Root).Name)));
    }
}
