using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace Monitor.Crawlers.Sources;

/// <summary>Checks a YAML node against the class it will be read into, before it is: every unknown key (with the keys
/// that exist and the closest one), every list given as a single value, every number that is not one, each on its
/// line and in Vietnamese. The deserializer stops at the first such problem with a .NET message ("Invalid cast from
/// 'System.String' to 'System.Collections.Generic.List`1[[…]]'").</summary>
internal static class YamlShape
{
    /// <summary>How a class is named in messages: "'feeds' của {Of}", "khóa 'x' không có {In}".</summary>
    private static readonly Dictionary<Type, (string Of, string In)> Names = new()
    {
        [typeof(SourcesDocument)] = ("tệp nguồn tin", "ở đầu tệp nguồn tin"),
        [typeof(SourceDefinition)] = ("nguồn", "trong một nguồn"),
        [typeof(ListingDefinition)] = ("listing", "trong một listing"),
        [typeof(PolitenessOverrides)] = ("politeness", "trong politeness"),
        [typeof(Extraction.ExtractionProfile)] = ("extraction", "trong extraction"),
    };

    /// <summary>Adds the problems of <paramref name="node"/>, read as a <paramref name="type"/> described as
    /// <paramref name="what"/> in messages; true when there is none.</summary>
    public static bool Check(YamlNode node, Type type, string what, List<(int Line, string Message)> errors)
    {
        var before = errors.Count;
        Value(node, type, what, errors);
        return errors.Count == before;
    }

    private static void Mapping(YamlNode node, Type type, string what, List<(int Line, string Message)> errors)
    {
        if (node is not YamlMappingNode mapping)
        {
            if (!IsNull(node))
            {
                errors.Add(((int)node.Start.Line, $"{what} phải là một bảng khóa: giá trị, không phải {Kind(node)}"));
            }

            return;
        }

        var (of, inside) = Names.TryGetValue(type, out var names) ? names : (type.Name, "");
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!properties.TryGetValue(key, out var property))
            {
                var closest = properties.Keys.Where(k => Distance(k, key) <= 2).OrderBy(k => Distance(k, key)).FirstOrDefault();
                errors.Add(((int)keyNode.Start.Line, $"khóa '{key}' không có {inside}{(closest is null ? "" : $" (có phải '{closest}'?)")}; các khóa dùng được: {string.Join(", ", properties.Keys)}"));
                continue;
            }

            Value(value, property.PropertyType, $"'{key}' của {of}", errors);
        }
    }

    private static void Value(YamlNode node, Type type, string what, List<(int Line, string Message)> errors)
    {
        var line = (int)node.Start.Line;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            if (node is YamlSequenceNode sequence)
            {
                var i = 0;
                foreach (var item in sequence.Children)
                {
                    Value(item, type.GetGenericArguments()[0], $"mục {++i} của {what.Split(" của ")[0]}", errors);
                }
            }
            else if (!IsNull(node))
            {
                errors.Add((line, $"{what} phải là một danh sách (ví dụ [https://…] hoặc mỗi mục một dòng '- …'), không phải {Kind(node)}"));
            }
        }
        else if (type == typeof(string))
        {
            if (node is not YamlScalarNode)
            {
                errors.Add((line, $"{what} phải là một giá trị đơn, không phải {Kind(node)}"));
            }
        }
        else if (type == typeof(int) || type == typeof(double) || type == typeof(bool))
        {
            var (expected, fits) = type == typeof(int) ? ("một số nguyên", (Func<string, bool>)(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
                : type == typeof(double) ? ("một số", v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                : ("true hoặc false", v => bool.TryParse(v, out _));
            if (node is not YamlScalarNode { Value: { } value })
            {
                errors.Add((line, $"{what} phải là {expected}, không phải {Kind(node)}"));
            }
            else if (!IsNull(node) && !fits(value))
            {
                errors.Add((line, $"{what} phải là {expected}, không phải '{value}'"));
            }
        }
        else
        {
            Mapping(node, type, what, errors);
        }
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "~" or "null" } scalar && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain;

    private static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "một danh sách",
        YamlMappingNode => "một bảng khóa",
        _ => "một giá trị đơn",
    };

    /// <summary>Edit distance, for "did you mean": keys are a few letters long.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
