namespace Monitor.Core.Tagging.Rules;

/// <summary>A rule an analyst wrote that cannot be read; the message (Vietnamese) says what is wrong and at which column.</summary>
public sealed class RuleSyntaxException(string message, int column) : Exception(message)
{
    /// <summary>1-based position in the rule text.</summary>
    public int Column { get; } = column;
}
