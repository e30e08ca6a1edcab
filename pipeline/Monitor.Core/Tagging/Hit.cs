namespace Monitor.Core.Tagging;

/// <summary>The fields of an article the matcher reads, in the order evidence is reported.</summary>
public enum ArticleField : byte
{
    Title,
    Description,
    Text,
}

/// <summary>One occurrence of a phrase (or a cited document number) in one field: offsets into the original
/// text, word positions in the folded text (for NEAR), and the weight the scorer gave it.</summary>
internal readonly record struct Hit(int Group, ArticleField Field, int Start, int End, int FirstWord, int LastWord, double Weight)
{
    public bool Contains(in Hit other) => other.Field == Field && other.Start >= Start && other.End <= End;
}
