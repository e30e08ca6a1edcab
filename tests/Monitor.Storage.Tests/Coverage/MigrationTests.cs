using Microsoft.Data.Sqlite;
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
        await using (var old = new SqliteConnection($"Data Source={file}"))
        {
            await old.OpenAsync(ct);
            await Schema.ApplyAsync(old, ct, upTo: 1);
            await using var tx = (SqliteTransaction)await old.BeginTransactionAsync(ct);
            // Sunday 17 November 23:50 in Vietnam: week 46 there, whatever the UTC day.
            await Articles.ArticleWriter.UpsertAsync(old, tx, CoverageFixture.Article("a3", "Báo Kon Tum", "Thời sự", new(2024, 11, 17, 23, 50, 0, TimeSpan.FromHours(7))), DateTimeOffset.UnixEpoch, ct);
            // A tag as the step-1 writer stored it: no coverage columns.
            await using var tag = old.CreateCommand();
            tag.Transaction = tx;
            tag.CommandText = $"INSERT INTO tags (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at) VALUES ('{CoverageFixture.Id("a3")}', 'w46', 1, '1.2', 1.0, '[]', 'x')";
            await tag.ExecuteNonQueryAsync(ct);
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
        Assert.Equal(await CountsAsync(db, FromTags), await CountsAsync(db, FromTagDays));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_daily_counts_equal_a_count_of_the_tags_after_inserts_retags_article_changes_and_deletes()
    {
        await using var store = await StoreFixture.CreateAsync();
        var plan = await CoverageFixture.FillAsync(store.Db);
        var ct = CancellationToken.None;
        var before = await CountsAsync(store.Db, FromTagDays);
        await using (var connection = await store.Db.ConnectAsync(ct))
        await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            // a2 re-tagged with one theme less, a5 moved to another outlet and day, a6's tags deleted.
            await CoverageFixture.WriteAsync(connection, tx, plan, CoverageFixture.Article("a2", CoverageFixture.A, null, new(2024, 11, 11, 0, 10, 0, TimeSpan.FromHours(7))), ["1.3"]);
            await Articles.ArticleWriter.UpsertAsync(connection, tx, CoverageFixture.Article("a5", CoverageFixture.A, "Thời sự", new(2024, 11, 22, 9, 0, 0, TimeSpan.FromHours(7))), DateTimeOffset.UnixEpoch, ct);
            await using var delete = connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"DELETE FROM tags WHERE article_id = '{CoverageFixture.Id("a6")}'";
            await delete.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }

        var after = await CountsAsync(store.Db, FromTagDays);
        Assert.Equal(await CountsAsync(store.Db, FromTags), after);
        Assert.NotEqual(before, after);
        Assert.Contains($"w46|1.3|2024-11-22|{CoverageFixture.A}|1", after);
        Assert.DoesNotContain(after, r => r.Contains("2024-12-02", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_inserted_without_coverage_columns_gets_them_from_its_article_and_is_counted()
    {
        await using var store = await StoreFixture.CreateAsync();
        await store.UpsertAsync(CoverageFixture.Article("a4", CoverageFixture.B, "Xã hội", new(2024, 11, 18, 6, 0, 0, TimeSpan.FromHours(7))));
        await using (var connection = await store.Db.ConnectAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT INTO tags (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at) VALUES ('{CoverageFixture.Id("a4")}', 'w46', 1, '1.2', 1.0, '[]', 'x')";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal($"{CoverageFixture.B}|Xã hội|2024-11-18|2024-W47|2024-11", await RowAsync(store.Db));
        Assert.Equal([$"w46|1.2|2024-11-18|{CoverageFixture.B}|1"], await CountsAsync(store.Db, FromTagDays));
    }

    private const string FromTags = "SELECT plan_id || '|' || theme_code || '|' || day || '|' || outlet || '|' || COUNT(*) FROM tags GROUP BY plan_id, theme_code, day, outlet ORDER BY 1";
    private const string FromTagDays = "SELECT plan_id || '|' || theme_code || '|' || day || '|' || outlet || '|' || articles FROM tag_days ORDER BY 1";

    private static async Task<List<string>> CountsAsync(MonitorDatabase db, string sql)
    {
        await using var connection = await db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static async Task<string> RowAsync(MonitorDatabase db)
    {
        await using var connection = await db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outlet || '|' || COALESCE(section, '') || '|' || day || '|' || week || '|' || month FROM tags";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
