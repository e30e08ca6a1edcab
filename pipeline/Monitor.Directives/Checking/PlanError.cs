namespace Monitor.Directives.Checking;

/// <summary>One problem in a plan file, at the line an analyst must edit (1-based; 0 when the file as a whole).</summary>
public sealed record PlanError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}
