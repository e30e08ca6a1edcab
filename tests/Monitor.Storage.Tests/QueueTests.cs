using Monitor.Storage.Queue;

namespace Monitor.Storage.Tests;

public sealed class QueueTests
{
    private static readonly QueueMessage[] Messages = [new("a", "1"), new("b", "2"), new("c", "3")];

    [Fact]
    public async Task A_batch_is_handled_in_order_and_removed_when_the_handler_succeeds()
    {
        await using var store = await StoreFixture.CreateAsync();
        var queue = new SqliteQueue(store.Db, TimeProvider.System);
        await queue.EnqueueAsync(SqliteQueue.RawTopic, Messages, CancellationToken.None);
        var seen = new List<string>();

        var handled = await queue.ProcessBatchAsync(SqliteQueue.RawTopic, 10, (_, _, batch, _) =>
        {
            seen.AddRange(batch.Select(m => m.Key));
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(3, handled);
        Assert.Equal(["a", "b", "c"], seen);
        Assert.Equal(0, await queue.CountAsync(SqliteQueue.RawTopic, CancellationToken.None));
    }

    [Fact]
    public async Task A_handler_that_fails_leaves_the_whole_batch_queued_and_its_writes_undone()
    {
        await using var store = await StoreFixture.CreateAsync();
        var queue = new SqliteQueue(store.Db, TimeProvider.System);
        await queue.EnqueueAsync(SqliteQueue.RawTopic, Messages, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.ProcessBatchAsync(SqliteQueue.RawTopic, 2, async (connection, tx, batch, ct) =>
        {
            await Articles.ArticleWriter.UpsertAsync(connection, tx, StoreFixture.Article("https://x.vn/1"), DateTimeOffset.UnixEpoch, ct);
            throw new InvalidOperationException("disk full");
        }, CancellationToken.None));

        Assert.Equal(3, await queue.CountAsync(SqliteQueue.RawTopic, CancellationToken.None));
        Assert.Equal(0, await store.ScalarAsync("SELECT COUNT(*) FROM articles"));
    }

    [Fact]
    public async Task Topics_do_not_see_each_others_messages()
    {
        await using var store = await StoreFixture.CreateAsync();
        var queue = new SqliteQueue(store.Db, TimeProvider.System);
        await queue.EnqueueAsync("other", Messages, CancellationToken.None);

        Assert.Equal(0, await queue.ProcessBatchAsync(SqliteQueue.RawTopic, 10, (_, _, _, _) => Task.CompletedTask, CancellationToken.None));
        Assert.Equal(3, await queue.CountAsync("other", CancellationToken.None));
    }
}
