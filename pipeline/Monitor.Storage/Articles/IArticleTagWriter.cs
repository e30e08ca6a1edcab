namespace Monitor.Storage.Articles;

/// <summary>The store of record of tagged articles, the seam between the tagger and where it writes: the SQLite store
/// (embedded default, one writer) or Elasticsearch (the scaled-out deployment, one bulk writer per tagger process).
/// Both are upserts by article id, so a redelivered batch writes nothing new, and both refuse an older fetch of an
/// article they hold a newer fetch of, tags and all.</summary>
public interface IArticleTagWriter
{
    /// <summary>Stores the batch's articles with their tags for every plan in it, replacing the article's earlier tags of
    /// those plans; returns when the store has them durably.</summary>
    /// <returns>The positions, in the batch, of the articles stored (an older fetch left out is not).</returns>
    Task<IReadOnlyList<int>> WriteAsync(TaggedBatch batch, CancellationToken ct);
}
