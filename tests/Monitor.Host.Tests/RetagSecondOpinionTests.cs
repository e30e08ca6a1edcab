using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Plans;
using Monitor.Host.Cli;
using Monitor.Host.Composition;
using Monitor.Host.Tagging.SecondOpinion;
using Monitor.Host.Tests.Support;
using Monitor.Reports.Tests.Support;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Tests.Shared;

namespace Monitor.Host.Tests;

/// <summary>The second opinion in <c>monitor retag</c>: one re-tag is one run with the budget
/// <c>Monitor:Llm:SecondOpinion:Budget</c> (0 = off), answers cached as <c>monitor tag</c> caches them; against an
/// OpenAI-compatible endpoint the test serves on 127.0.0.1 and a real SQLite store.</summary>
public sealed class RetagSecondOpinionTests : IDisposable
{
    private static readonly Plan Plan = BorderlinePairs.Plan;
    private readonly TempDir _dir = new();

    private async Task<IHost> HostAsync(string? endpoint, int budget)
    {
        var builder = await MonitorServices.CreateBuilderAsync(_dir.Path, CancellationToken.None);
        builder.Configuration["Monitor:Llm:Endpoint"] = endpoint;
        builder.Configuration["Monitor:Llm:Model"] = endpoint is null ? null : "test-model";
        builder.Configuration["Monitor:Llm:SecondOpinion:Budget"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return builder.Build();
    }

    /// <summary>Articles 1..<paramref name="articles"/> of <see cref="BorderlinePairs"/> in the store, and its plan.</summary>
    internal static async Task<StoredPlan> StoreAsync(IServiceProvider services, int articles)
    {
        var db = services.GetRequiredService<MonitorDatabase>();
        await using (var connection = await db.ConnectAsync(CancellationToken.None))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            for (var i = 1; i <= articles; i++)
            {
                await ArticleWriter.UpsertAsync(connection, tx, BorderlinePairs.Road(i), DateTimeOffset.UnixEpoch, CancellationToken.None);
            }

            await tx.CommitAsync();
        }

        return await services.GetRequiredService<PlanStore>().SaveAsync(Plan, CancellationToken.None);
    }

    private static async Task<(long Tags, long Mentions)> RetagAsync(IHost host, StoredPlan plan)
    {
        using var opinion = await RetagSecondOpinion.CreateAsync(host.Services, plan, CancellationToken.None);
        var db = host.Services.GetRequiredService<MonitorDatabase>();
        await new PlanRetagger(db, TimeProvider.System).RetagAsync(plan, opinion, null, CancellationToken.None);
        return await TagCountsAsync(host.Services);
    }

    /// <summary>(counted tags, passing mentions) in the store.</summary>
    internal static async Task<(long Tags, long Mentions)> TagCountsAsync(IServiceProvider services)
    {
        await using var connection = await services.GetRequiredService<MonitorDatabase>().ConnectAsync(CancellationToken.None);
        return (await connection.ScalarAsync<long>("SELECT count(*) FROM tags", CancellationToken.None),
                await connection.ScalarAsync<long>("SELECT count(*) FROM tag_mentions", CancellationToken.None));
    }

    [Fact]
    public async Task A_retag_asks_about_borderline_pairs_up_to_its_budget_and_the_next_run_reads_the_answers_from_the_cache()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        using var host = await HostAsync(endpoint.Url, budget: 2);
        var plan = await StoreAsync(host.Services, articles: 3);

        // Two questions in the run: two pairs become mentions, the third keeps the rules' grade.
        Assert.Equal((1L, 2L), await RetagAsync(host, plan));
        Assert.Equal(2, endpoint.Requests.Count);

        // The next run finds the two answers in the cache and spends one question on the third pair.
        Assert.Equal((0L, 3L), await RetagAsync(host, plan));
        Assert.Equal(3, endpoint.Requests.Count);
    }

    [Fact]
    public async Task Without_a_budget_a_retag_asks_nothing_and_a_budget_without_an_endpoint_is_refused_in_one_line()
    {
        await using var endpoint = await ChatEndpoint.StartAsync(ChatEndpoint.Says("Không"));
        using (var off = await HostAsync(endpoint.Url, budget: 0))
        {
            var plan = await StoreAsync(off.Services, articles: 2);
            Assert.Equal((2L, 0L), await RetagAsync(off, plan));
            Assert.Empty(endpoint.Requests);
        }

        using var unset = await HostAsync(null, budget: 5);
        var stored = await unset.Services.GetRequiredService<PlanStore>().SaveAsync(Plan, CancellationToken.None);
        var error = await Assert.ThrowsAsync<UserInputException>(() => RetagSecondOpinion.CreateAsync(unset.Services, stored, CancellationToken.None));
        Assert.Contains("Monitor:Llm:SecondOpinion:Budget", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
