using Microsoft.Extensions.Configuration;
using Monitor.Core.Learning;
using Monitor.Host.Cli;

namespace Monitor.Host.Learning;

/// <summary>How the deployment's learner trains (<c>feedback learn</c> and the nightly job). Near misses (a theme added to
/// articles the matcher did not tag, from analysts' added articles) are off unless <c>Monitor:Learning:NearMisses</c> is
/// true: the first two rounds cost held-out pairs on the labelled sample at 100 decisions; since the third they are learnt
/// apart and move no other pair, but promote none of the sample's held-out articles either (docs/tagging-quality.md, "near
/// misses, third round"), so off stays the default.</summary>
internal static class LearningSettings
{
    public const string NearMissesKey = "Monitor:Learning:NearMisses";

    /// <exception cref="UserInputException">The setting is neither true nor false.</exception>
    public static RelevanceOptions Options(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[NearMissesKey];
        var on = false;
        if (!string.IsNullOrWhiteSpace(value) && !bool.TryParse(value.Trim(), out on))
        {
            throw new UserInputException($"cấu hình {NearMissesKey} = '{value}' không hợp lệ: dùng true hoặc false");
        }

        return on ? RelevanceOptions.Default : RelevanceOptions.Default with { MaxCues = 0 };
    }
}
