using System.Text.Json.Nodes;
using Monitor.Storage.Coverage;

namespace Monitor.Storage.Elasticsearch;

/// <summary>The query bodies the coverage store sends, built apart from the sending so a test can read them.</summary>
public static class ElasticsearchQueries
{
    /// <summary>Buckets per page of a composite aggregation; the store pages with after_key until the last.</summary>
    public const int PageSize = 1000;

    /// <summary>The plan's tags inside the windows (each theme on its own days, both ends included), of one outlet when
    /// given. A window whose start is after its end holds nothing; no window at all matches nothing.</summary>
    public static JsonObject TagsIn(string planId, IEnumerable<ThemeWindow> windows, string? outlet = null)
    {
        var perTheme = windows.Where(w => string.CompareOrdinal(w.FromKey, w.ToKey) <= 0)
            .Select(w => (JsonNode)new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = new JsonArray(Term("theme_code", w.Code), DayRange(w)),
                },
            })
            .ToArray();
        if (perTheme.Length == 0)
        {
            return new JsonObject { ["match_none"] = new JsonObject() };
        }

        var filter = new JsonArray(Term("plan_id", planId), new JsonObject
        {
            ["bool"] = new JsonObject { ["should"] = new JsonArray(perTheme), ["minimum_should_match"] = 1 },
        });
        if (outlet is not null)
        {
            filter.Add(Term("outlet", outlet));
        }

        return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } };
    }

    /// <summary>A search that returns no hits and one composite aggregation "c" over <paramref name="fields"/> (terms
    /// sources; a field listed in <paramref name="missing"/> gets a null bucket for documents without it).</summary>
    public static JsonObject Composite(JsonObject query, IEnumerable<string> fields, JsonNode? after = null, params string[] missing)
    {
        var composite = new JsonObject
        {
            ["size"] = PageSize,
            ["sources"] = new JsonArray(fields.Select(f =>
            {
                var terms = new JsonObject { ["field"] = f };
                if (missing.Contains(f))
                {
                    terms["missing_bucket"] = true;
                }

                return (JsonNode)new JsonObject { [f] = new JsonObject { ["terms"] = terms } };
            }).ToArray()),
        };
        if (after is not null)
        {
            composite["after"] = after.DeepClone();
        }

        return new JsonObject
        {
            ["size"] = 0,
            ["track_total_hits"] = false,
            ["query"] = query,
            ["aggs"] = new JsonObject { ["c"] = new JsonObject { ["composite"] = composite } },
        };
    }

    /// <summary>Articles that the crawler linked as a near-duplicate of another.</summary>
    public static JsonObject Linked() => new() { ["exists"] = new JsonObject { ["field"] = "duplicate_of" } };

    /// <summary>The plan's tags of these articles.</summary>
    public static JsonObject TagsOf(string planId, IEnumerable<string> articleIds) => new()
    {
        ["bool"] = new JsonObject { ["filter"] = new JsonArray(Term("plan_id", planId), Terms("article_id", articleIds)) },
    };

    /// <summary>Documents by id, with only the fields asked for.</summary>
    public static JsonObject ByIds(IReadOnlyCollection<string> ids, params string[] fields) => new()
    {
        ["size"] = ids.Count,
        ["_source"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()),
        ["query"] = new JsonObject { ["ids"] = new JsonObject { ["values"] = new JsonArray(ids.Select(i => (JsonNode)i).ToArray()) } },
    };

    public static JsonObject Term(string field, string value) => new() { ["term"] = new JsonObject { [field] = value } };

    public static JsonObject Terms(string field, IEnumerable<string> values) =>
        new() { ["terms"] = new JsonObject { [field] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) } };

    /// <summary>An open end of a window is left out of the range rather than written as a far-away day.</summary>
    private static JsonObject DayRange(ThemeWindow w)
    {
        var range = new JsonObject { ["format"] = "yyyy-MM-dd" };
        if (w.From is not null)
        {
            range["gte"] = w.FromKey;
        }

        if (w.To is not null)
        {
            range["lte"] = w.ToKey;
        }

        return new JsonObject { ["range"] = new JsonObject { ["day"] = range } };
    }
}
