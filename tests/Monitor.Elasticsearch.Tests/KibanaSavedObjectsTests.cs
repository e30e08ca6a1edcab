using System.Text.Json.Nodes;

namespace Monitor.Elasticsearch.Tests;

/// <summary>infra/kibana's saved objects, as compose's kibana-init imports them: every line a well-formed saved object
/// (known type, unique id, attributes whose embedded JSON parses), every reference resolved inside the file, data views
/// over the product's own index names, and every field a visualization aggregates on named by the index mapping.
/// (No Kibana runs here: the import itself is untested.)</summary>
public sealed class KibanaSavedObjectsTests
{
    private static readonly string[] KnownTypes = ["index-pattern", "visualization", "dashboard", "search", "lens"];
    private static readonly string[] EmbeddedJson = ["visState", "uiStateJSON", "panelsJSON", "optionsJSON"];

    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "kibana"), "*.ndjson").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_saved_object_is_well_formed_with_unique_ids_and_resolved_references(string file)
    {
        var objects = Read(file);

        Assert.NotEmpty(objects);
        Assert.Equal(objects.Count, objects.Select(o => (Text(o, "type"), Text(o, "id"))).Distinct().Count());
        var ids = objects.Select(o => (Text(o, "type"), Text(o, "id"))).ToHashSet();
        foreach (var o in objects)
        {
            Assert.Contains(Text(o, "type"), KnownTypes);
            var attributes = Assert.IsType<JsonObject>(o["attributes"]);
            Assert.False(string.IsNullOrWhiteSpace(Text(attributes, "title")), $"{Text(o, "id")}: no title");
            foreach (var name in EmbeddedJson.Where(attributes.ContainsKey))
            {
                JsonNode.Parse(Text(attributes, name));
            }

            if (attributes["kibanaSavedObjectMeta"]?["searchSourceJSON"] is { } source)
            {
                JsonNode.Parse(source.GetValue<string>());
            }

            foreach (var reference in o["references"]!.AsArray())
            {
                Assert.Contains((Text(reference!, "type"), Text(reference!, "id")), ids);
            }

            if (Text(o, "type") == "dashboard")
            {
                var names = o["references"]!.AsArray().Select(r => Text(r!, "name")).ToHashSet();
                Assert.All(JsonNode.Parse(Text(attributes, "panelsJSON"))!.AsArray(), p => Assert.Contains(Text(p!, "panelRefName"), names));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Data_views_name_the_products_indices_and_visualizations_aggregate_on_mapped_fields(string file)
    {
        var objects = Read(file);
        var options = new ElasticsearchOptions();
        var mapped = new Dictionary<string, ICollection<string>>
        {
            [options.IndexPrefix + "articles"] = ElasticsearchIndices.ArticlesMapping().Properties!.Select(kv => kv.Key.ToString()!).ToList(),
            [options.IndexPrefix + "tags"] = ElasticsearchIndices.TagsMapping().Properties!.Select(kv => kv.Key.ToString()!).ToList(),
        };
        var views = objects.Where(o => Text(o, "type") == "index-pattern").ToDictionary(o => Text(o, "id"), o => Text(o["attributes"]!, "title"));

        Assert.All(views.Values, title => Assert.Contains(title, mapped.Keys));
        foreach (var vis in objects.Where(o => Text(o, "type") == "visualization"))
        {
            var index = vis["references"]!.AsArray().Select(r => Text(r!, "id")).FirstOrDefault(views.ContainsKey);
            var fields = JsonNode.Parse(Text(vis["attributes"]!, "visState"))!["aggs"]!.AsArray().Select(a => a!["params"]?["field"]?.GetValue<string>()).OfType<string>().ToList();
            Assert.True(fields.Count == 0 || index is not null, $"{Text(vis, "id")}: aggregates without a data view");
            Assert.All(fields, f => Assert.Contains(f, mapped[views[index!]]));
        }
    }

    private static List<JsonNode> Read(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "kibana", file)).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();

    private static string Text(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";
}
