using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Monitor.Dashboards.Overview;

/// <summary>Reads a <see cref="ListedArticle"/> from the columns every article list selects: id, title, outlet, section,
/// Vietnamese day, url, the JSON array of theme codes.</summary>
internal static class ListedArticleRow
{
    public static ListedArticle Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5), JsonSerializer.Deserialize<string[]>(reader.GetString(6))!);
}
