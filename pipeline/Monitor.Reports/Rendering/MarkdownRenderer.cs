using System.Text;

namespace Monitor.Reports.Rendering;

/// <summary>Markdown: a # title, ## sections, lists and pipe tables.</summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var md = new StringBuilder().Append("# ").AppendLine(document.Title).AppendLine();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    md.Append('#', h.Level + 1).Append(' ').AppendLine(h.Text).AppendLine();
                    break;
                case Paragraph p:
                    md.AppendLine(p.Text).AppendLine();
                    break;
                case Items list:
                    foreach (var line in list.Lines)
                    {
                        md.Append("- ").Append(line.Text);
                        if (line.LinkText is { } link)
                        {
                            md.Append(line.Url is { } url ? $"[{Escape(link)}](<{url}>)" : link);
                        }

                        md.AppendLine(line.After);
                    }

                    md.AppendLine();
                    break;
                case Table t:
                    md.Append("| ").AppendJoin(" | ", t.Head.Select(Cell)).AppendLine(" |");
                    md.Append('|').AppendJoin('|', t.Head.Select(_ => "---")).AppendLine("|");
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
                    }

                    md.AppendLine();
                    break;
            }
        }

        return md.ToString().TrimEnd() + "\n";
    }

    private static string Escape(string text) => text.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
