using Microsoft.Data.Sqlite;
using Monitor.Storage.Tests.Support;
using Monitor.Tests.Shared;

namespace Monitor.Storage.Tests.Coverage;

public sealed class MigrationTests
{
    [Fact]
    public async Task A_step_one_database_gets_its_tags_denormalised_and_later_article_changes_follow()
    {
        using var dir = new TempDir();
        var ct = CancellationToken.None;
        var file = Path.Combine(dir.Path, MonitorDatabase.FileName);
        var plan = new Plans.StoredPlan("w46", 1, DateTimeOffset.UnixEpoch, CoverageFixture.Plan());
        await using (var old = new SqliteConnection($"Data Source={file}"))
        {
            await old.OpenAsync(ct);
            await Schema.ApplyAsync(old, ct, upTo: 1);
            await using var tx = (SqliteTransaction)await old.BeginTransactionAsync(ct);
            // Sunday 17 November 23:50 in Vietnam: week 46 there, whatever the UTC day.
            // The article as today's writer stores it (the articles table is unchanged since step 1), its tag as a
            // step-1 writer did: without the columns step 2 adds.
            var article = CoverageFixture.Article("a3", "Báo Kon Tum", "Thời sự", new(2024, 11, 17, 23, 50, 0, TimeSpan.FromHours(7)));
            await Articles.ArticleWriter.UpsertAsync(old, tx, article, DateTimeOffset.UnixEpoch, ct);
            await old.ExecuteAsync("""
                INSERT INTO tags (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at)
                VALUES ($id, $plan, 1, '1.2', 1.0, '[]', '2024-11-18T00:00:00.000+00:00')
                """, ct, tx, ("$id", article.Id), ("$plan", plan.Id));
            await tx.CommitAsync(ct);
        }

        SqliteConnection.ClearAllPools();
        var db = await MonitorDatabase.OpenAsync(dir.Path, ct);

        Assert.Equal("Báo Kon Tum|Thời sự|2024-11-17|2024-W46|2024-11", await RowAsync(db));
        await using (var connection = await db.ConnectAsync(ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await Articles.ArticleWriter.UpsertAsync(connection, tx, CoverageFixture.Article("a3", "Báo Kon Tum điện tử", null, new(2024, 12, 1, 0, 5, 0, TimeSpan.FromHours(7))) with
            {
                Id = CoverageFixture.Id("a3"),
            }, DateTimeOffset.UnixEpoch, ct);
            await tx.CommitAsync(ct);
        }

        Assert.Equal("Báo Kon Tum điện tử||2024-12-01|2024-W48|2024-12", await RowAsync(db));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<string> RowAsync(MonitorDatabase db)
    {
        await using var connection = await db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outlet || '|' || COALESCE(section, '') || '|' || day || '|' || week || '|' || month FROM tags";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
