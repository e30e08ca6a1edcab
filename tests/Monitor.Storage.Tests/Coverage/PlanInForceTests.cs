using Monitor.Core.Plans;
using Monitor.Storage.Coverage;
using Monitor.Storage.Plans;

namespace Monitor.Storage.Tests.Coverage;

public sealed class PlanInForceTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Coverage_as_of_a_day_uses_the_plan_version_loaded_last_by_the_end_of_that_day()
    {
        await using var store = await StoreFixture.CreateAsync();
        var clock = new Clock { Now = new DateTimeOffset(2024, 11, 9, 2, 0, 0, TimeSpan.Zero) };
        var plans = new PlanStore(store.Db, clock);
        var plan = CoverageFixture.Plan();
        await plans.SaveAsync(plan, CancellationToken.None);
        plan.Themes.Add(new Theme { Code = "4.1", Title = "Chủ đề bổ sung", Keywords = ["bổ sung"] });
        // 20 November 23:30 in Vietnam is still 20 November there, though 16:30 UTC.
        clock.Now = new DateTimeOffset(2024, 11, 20, 16, 30, 0, TimeSpan.Zero);
        await plans.SaveAsync(plan, CancellationToken.None);
        var coverage = new SqliteCoverageStore(store.Db, TimeProvider.System);

        // Before the first load, the first version is the best account of the plan there is.
        Assert.Equal((1, 4), Shape(await coverage.PlanInForceAsync("w46", new DateOnly(2024, 11, 1), CancellationToken.None)));
        Assert.Equal((1, 4), Shape(await coverage.PlanInForceAsync("w46", new DateOnly(2024, 11, 19), CancellationToken.None)));
        Assert.Equal((2, 5), Shape(await coverage.PlanInForceAsync("w46", new DateOnly(2024, 11, 20), CancellationToken.None)));
        Assert.Null(await coverage.PlanInForceAsync("khac", new DateOnly(2024, 11, 20), CancellationToken.None));
    }

    private static (int, int) Shape(StoredPlan? p) => (p!.Version, p.Plan.Themes.Count);
}
