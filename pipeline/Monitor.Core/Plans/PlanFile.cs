using System.Text.Json;
using Monitor.Core.Articles;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Core.Plans;

/// <summary>Reads and writes plan files (YAML by default, JSON by extension).</summary>
public static class PlanFile
{
    private static readonly IDeserializer YamlReader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyYamlConverter())
        .Build();

    private static readonly ISerializer YamlWriter = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new DateOnlyYamlConverter())
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>Loads a plan; a malformed file throws <see cref="PlanFormatException"/> naming the file and line.</summary>
    public static Plan Load(string path)
    {
        var text = File.ReadAllText(path);
        var plan = Parse(text, path, IsJson(path));
        plan.Id ??= Path.GetFileNameWithoutExtension(path);
        return plan;
    }

    public static Plan Parse(string text, string name, bool json)
    {
        if (!json && YamlDepth.FirstLineDeeperThan(text) is { } deep)
        {
            throw new PlanFormatException($"{name}:{deep}: {YamlDepth.Message}");
        }

        try
        {
            var plan = json
                ? JsonSerializer.Deserialize<Plan>(text, ArticleJson.Options)
                : YamlReader.Deserialize<Plan>(text);
            return plan ?? throw new PlanFormatException($"{name}: the plan is empty");
        }
        catch (YamlException e)
        {
            throw new PlanFormatException($"{name}:{e.Start.Line}: {Innermost(e).Message}", e);
        }
        catch (JsonException e)
        {
            throw new PlanFormatException($"{name}:{(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }

    public static string ToYaml(Plan plan) => YamlWriter.Serialize(plan);

    public static string ToJson(Plan plan) => JsonSerializer.Serialize(plan, IndentedJson);

    private static readonly JsonSerializerOptions IndentedJson = new(ArticleJson.Options) { WriteIndented = true };

    private static bool IsJson(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}

/// <summary>A plan file that cannot be read; the message names the file and line.</summary>
public sealed class PlanFormatException(string message, Exception? inner = null) : UserErrorException(message, inner);
