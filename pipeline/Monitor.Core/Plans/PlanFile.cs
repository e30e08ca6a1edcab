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
            throw new PlanFormatException(name, deep, YamlDepth.Message);
        }

        try
        {
            var plan = json
                ? JsonSerializer.Deserialize<Plan>(text, ArticleJson.Options)
                : YamlReader.Deserialize<Plan>(text);
            return plan ?? throw new PlanFormatException(name, null, "tệp kế hoạch rỗng");
        }
        catch (YamlException e)
        {
            throw new PlanFormatException(name, (int)e.Start.Line, Problem(Innermost(e).Message), e);
        }
        catch (JsonException e)
        {
            throw new PlanFormatException(name, (int)(e.LineNumber ?? 0) + 1, $"JSON không đọc được ({e.Message})", e);
        }
    }

    public static string ToYaml(Plan plan) => YamlWriter.Serialize(plan);

    public static string ToJson(Plan plan) => JsonSerializer.Serialize(plan, IndentedJson);

    private static readonly JsonSerializerOptions IndentedJson = new(ArticleJson.Options) { WriteIndented = true };

    private static bool IsJson(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    /// <summary>The reader's message in the plan's words: an unknown key named with the keys of its place, a value of
    /// the wrong kind without .NET type names.</summary>
    private static string Problem(string message)
    {
        if (System.Text.RegularExpressions.Regex.Match(message, @"^Property '(?<key>[^']+)' not found on type '[^']*\.(?<type>\w+)'") is { Success: true } m)
        {
            return $"khóa '{m.Groups["key"].Value}' không có trong {m.Groups["type"].Value switch { "Plan" => "kế hoạch", "Theme" => "một chủ đề", "Quota" => "một chỉ tiêu", var t => t }}";
        }

        return message.Contains("System.", StringComparison.Ordinal)
            ? "giá trị không đúng kiểu (một danh sách viết thành một giá trị đơn, hay chữ ở chỗ cần số?)"
            : $"giá trị không đọc được ({message})";
    }
}

/// <summary>A plan file that cannot be read; the message names the file and line ("file:line: problem").</summary>
public sealed class PlanFormatException : UserErrorException
{
    public PlanFormatException(string message, Exception? inner = null)
        : base(message, inner) => Problem = message;

    public PlanFormatException(string file, int? line, string problem, Exception? inner = null)
        : base(line is null ? $"{file}: {problem}" : $"{file}:{line}: {problem}", inner) => Problem = problem;

    /// <summary>The problem without the file and line, for a caller that prints them itself.</summary>
    public string Problem { get; }
}
