using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Monitor.Core.Plans;

/// <summary>A depth check run before any YAML is loaded: YamlDotNet's deserializer and representation model read
/// nested collections recursively, so a file nested 100,000 deep (<c>[[[[…</c>, <c>- - - - …</c>) overflowed the
/// stack and ended the process. Its parser is not recursive: counting its events finds the depth in linear time.</summary>
public static class YamlDepth
{
    /// <summary>Plans and sources files need a handful of levels; 64 is far beyond any real one.</summary>
    public const int MaxDepth = 64;

    /// <summary>The line where the nesting first goes past <paramref name="max"/>, or null when it never does (or when
    /// the text stops being YAML first: the loader that follows reports that).</summary>
    public static int? FirstLineDeeperThan(string yaml, int max = MaxDepth)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (++depth > max)
                        {
                            return (int)parser.Current.Start.Line;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }

    /// <summary>The one-line message for a file nested too deep (the caller puts the file and line in front).</summary>
    public static string Message => $"YAML lồng quá {MaxDepth} tầng; tệp này chỉ cần vài tầng";
}
