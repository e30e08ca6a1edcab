namespace Monitor.Tests.Shared;

/// <summary>Waits on a condition with a deadline, instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var until = System.Diagnostics.Stopwatch.StartNew();
        while (until.Elapsed < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return await condition();
    }
}
