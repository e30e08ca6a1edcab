using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Monitor.Dashboards.Tests.Support;

/// <summary>Waiting for a page the browser navigated to. Playwright's <c>WaitForURLAsync</c> waits for the URL and then for
/// the frame's "load" lifecycle event; twice under CI load that event was never seen by the client although the page had
/// loaded (30 s timeouts whose log reads "NetworkIdle event fired": the network was idle, nothing was pending). Here the
/// page itself is asked, polled until its address matches and its document is complete; the poll survives the
/// navigation it waits for.</summary>
internal static class Navigation
{
    /// <param name="glob">Playwright's URL glob: <c>**</c> any characters, <c>*</c> any but '/', everything else literal.</param>
    public static Task WaitForPageAsync(this IPage page, string glob, float timeout = 30_000) =>
        page.WaitForFunctionAsync("p => new RegExp(p).test(location.href) && document.readyState === 'complete'", Pattern(glob),
            new PageWaitForFunctionOptions { Timeout = timeout, PollingInterval = 50 });

    internal static string Pattern(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*')
            {
                pattern.Append(Regex.Escape(glob[i].ToString()));
            }
            else if (i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else
            {
                pattern.Append("[^/]*");
            }
        }

        return pattern.Append('$').ToString();
    }
}
