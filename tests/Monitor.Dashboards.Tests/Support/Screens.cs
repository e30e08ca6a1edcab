using Microsoft.Playwright;
using Monitor.Tests.Shared;

namespace Monitor.Dashboards.Tests.Support;

/// <summary>Screenshots of the pages as test artifacts (artifacts/screens/, git-ignored), at desktop and phone width.</summary>
internal static class Screens
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var dir = Path.Combine(RepositoryPaths.Root, "artifacts", "screens");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    /// <summary>A new page at phone width (390 × 844), for the pages that must read on a phone.</summary>
    public static Task<IPage> PhoneAsync(IBrowser browser) => browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
}
