using Monitor.Core.Tagging.Rules;

namespace Monitor.Core.Tagging;

/// <summary>A theme as the matcher uses it: ids of its keyword phrases and cited documents, its parsed rules and
/// exclusions, its minimum of evidence, the index of its scope's anchor (-1: anywhere), the word pairs of its heading that
/// a title names it by (<see cref="HeadingWords"/>).</summary>
internal sealed record CompiledTheme(string Code, int[] Groups, RuleNode[] Rules, RuleNode[] Exclusions, int MinEvidence, int Scope = -1, string[]? Heading = null);
