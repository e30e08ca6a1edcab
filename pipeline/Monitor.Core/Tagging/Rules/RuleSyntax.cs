namespace Monitor.Core.Tagging.Rules;

/// <summary>Checks a rule as written in a plan, for the plan checker and the matcher.</summary>
public static class RuleSyntax
{
    /// <summary>The problem with a rule, or null when it reads. A rule (not an exclusion) must name something that
    /// has to appear: a rule made only of NOT would match every article without evidence.</summary>
    public static RuleSyntaxException? Check(string rule, bool exclusion)
    {
        try
        {
            var node = RuleParser.Parse(rule);
            return exclusion || node.NeedsEvidence ? null : new RuleSyntaxException("luật phải có ít nhất một cụm từ bắt buộc xuất hiện (không chỉ NOT)", 1);
        }
        catch (RuleSyntaxException e)
        {
            return e;
        }
    }
}
