namespace Monitor.Core.Plans;

/// <summary>What a user is told when a plan or sources file is not YAML at all. YamlDotNet's own reason ("While
/// scanning a multiline plain scalar, found invalid mapping.") is English; the line and column come with the hint.</summary>
public static class YamlSyntax
{
    public const string Hint = "sai cú pháp: xem lại thụt lề, dấu hai chấm và dấu ngoặc kép ở dòng này hoặc dòng trên";
}
