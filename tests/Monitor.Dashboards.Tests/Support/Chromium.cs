using Microsoft.Playwright;

namespace Monitor.Dashboards.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright: nothing is downloaded.</summary>
internal static class Chromium
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists("/usr/bin/chromium"), "Chromium is missing at /usr/bin/chromium: run infra/setup-apt.sh (make setup)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
