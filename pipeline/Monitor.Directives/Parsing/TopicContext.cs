using Monitor.Core.Plans;

namespace Monitor.Directives.Parsing;

/// <summary>Press phrases that show a subject only in context, for subjects <see cref="TopicLexicon"/> knows. The
/// import writes them as the theme's rules and exclusions (docs/tagging.md) instead of bare keywords:
/// "pin lithium" is evidence of battery FIRE safety only near a fire word, "kỷ nguyên mới" is the national narrative
/// only near the nation or the Party (not a foreign "new era in climate finance"), and a poisoning is food poisoning
/// when what was eaten or drunk caused it (methanol in liquor included), not tobacco, drugs, rat poison or pesticide,
/// as the Law on Food Safety defines food.
/// Context words are chosen so none folds onto an everyday word ("khí CO" folds like "khi có", "cháy" like "chạy").</summary>
internal static class TopicContext
{
    private sealed record Entry(string[] Triggers, string[] Contextual, string[] Rules, string[] Exclude);

    private static readonly Entry[] Entries =
    [
        // Food is what the Law on Food Safety (55/2010/QH12, art. 2) says it is: what people eat or drink, not
        // tobacco, cosmetics or drugs; food poisoning is illness from food that is contaminated or holds a poison. So
        // a poisoning after eating or drinking (methanol in liquor too) is the subject, and one by a thing that is not
        // food (tobacco, drugs, rat poison, pesticide) is not, unless the article also says "ngộ độc thực phẩm".
        new(["ngộ độc thực phẩm", "an toàn thực phẩm"], [],
            ["\"ngộ độc\" NEAR/8 (\"rượu\" OR \"methanol\" OR \"đồ uống\" OR \"nước uống\" OR \"sau khi ăn\" OR \"sau khi uống\" OR \"thức ăn\" OR \"món ăn\")",
             "\"methanol\" NEAR/10 (\"tử vong\" OR \"nhập viện\" OR \"cấp cứu\")",
             "(\"sau khi ăn\" OR \"sau khi uống\" OR \"sau bữa ăn\") NEAR/15 (\"nhập viện\" OR \"cấp cứu\" OR \"tử vong\")"],
            ["\"ngộ độc\" NEAR/6 (\"thuốc lá\" OR \"mỹ phẩm\" OR \"ma túy\" OR \"thuốc diệt chuột\" OR \"thuốc trừ sâu\") AND NOT \"ngộ độc thực phẩm\""]),
        new(["pin lithium-ion", "phương tiện giao thông điện", "xe điện"], ["pin lithium-ion", "pin lithium"],
            ["(\"pin lithium\" OR \"pin lithium-ion\") NEAR/15 (\"cháy nổ\" OR \"bốc cháy\" OR \"phát nổ\" OR \"hỏa hoạn\" OR \"chữa cháy\" OR \"phòng cháy\" OR \"sạc\")"], []),
        new(["kỷ nguyên mới", "vươn mình"], ["kỷ nguyên mới"],
            ["\"kỷ nguyên mới\" NEAR/8 (\"đất nước\" OR \"dân tộc\" OR \"Việt Nam\" OR \"vươn mình\" OR \"Đảng\" OR \"Đại hội\")"], []),
    ];

    /// <summary>Moves the theme's contextual phrases from its keywords to rules, and adds the subject's exclusions.</summary>
    public static void Apply(Theme theme)
    {
        var folded = TextTools.Fold(theme.Title + " " + theme.Description);
        foreach (var entry in Entries.Where(e => e.Triggers.Any(t => TextTools.ContainsWords(folded, TextTools.Fold(t)))))
        {
            var contextual = entry.Contextual.Select(TextTools.Fold).ToHashSet(StringComparer.Ordinal);
            theme.Keywords.RemoveAll(k => contextual.Contains(TextTools.Fold(k)));
            if (entry.Rules.Length > 0)
            {
                theme.Rules = [.. theme.Rules ?? [], .. entry.Rules.Except(theme.Rules ?? [])];
            }

            if (entry.Exclude.Length > 0)
            {
                theme.Exclude = [.. theme.Exclude ?? [], .. entry.Exclude.Except(theme.Exclude ?? [])];
            }
        }
    }
}
