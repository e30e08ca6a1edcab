using Microsoft.Data.Sqlite;
using Monitor.Core.Articles;
using Monitor.Storage.Articles;
using Monitor.Tests.Shared;

namespace Monitor.Storage.Contract;

/// <summary>A real SQLite store in a temporary folder.</summary>
public sealed class StoreFixture : IAsyncDisposable
{
    private readonly TempDir _dir = new();

    public MonitorDatabase Db { get; private set; } = null!;

    public static async Task<StoreFixture> CreateAsync()
    {
        var f = new StoreFixture();
        f.Db = await MonitorDatabase.OpenAsync(f._dir.Path, CancellationToken.None);
        return f;
    }

    public static Article Article(string url, string title = "Tin tức trong tỉnh", string text = "Nội dung bài viết.", DateTimeOffset? published = null) => new()
    {
        Id = ArticleId.FromCanonicalUrl(url), Url = url, CanonicalUrl = url, Outlet = "Báo Kon Tum", Title = title, Text = text,
        Published = published ?? new DateTimeOffset(2024, 11, 12, 8, 0, 0, TimeSpan.FromHours(7)),
        FetchedAt = new DateTimeOffset(2024, 11, 12, 9, 0, 0, TimeSpan.Zero), ContentHash = ArticleId.ContentHash(title, null, text),
    };

    public async Task<UpsertOutcome> UpsertAsync(Article article)
    {
        await using var connection = await Db.ConnectAsync(CancellationToken.None);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var outcome = await ArticleWriter.UpsertAsync(connection, tx, article, DateTimeOffset.UnixEpoch, CancellationToken.None);
        await tx.CommitAsync();
        return outcome;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Db.ConnectAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
