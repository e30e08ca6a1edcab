using Microsoft.Extensions.Configuration;
using Monitor.Crawlers.Fetching;
using Monitor.Host.Cli;

namespace Monitor.Host.Crawling;

/// <summary>The fetcher's limits from configuration section <see cref="FetchOptions.Section"/> (environment
/// <c>Monitor__Fetch__AllowPrivateNetworks=true</c>, …); a wrong value is one line naming the setting.</summary>
internal static class FetchSettings
{
    public static FetchOptions From(IConfiguration configuration)
    {
        var options = new FetchOptions();
        try
        {
            configuration.GetSection(FetchOptions.Section).Bind(options);
            options.Validate();
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"cấu hình {FetchOptions.Section} không hợp lệ: {e.InnerException?.Message ?? e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"cấu hình {FetchOptions.Section} không hợp lệ: {e.Message}");
        }

        return options;
    }
}
