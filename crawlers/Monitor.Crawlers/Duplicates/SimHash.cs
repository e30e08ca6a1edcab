using Monitor.Core.Text;

namespace Monitor.Crawlers.Duplicates;

/// <summary>64-bit SimHash over word 3-shingles of the folded text: the same story syndicated by two outlets
/// ("Theo TTXVN", a changed title or lead) lands within a few bits; different stories about half the bits apart.</summary>
public static class SimHash
{
    /// <summary>Fingerprints closer than this many differing bits are near-duplicates.</summary>
    public const int Threshold = 6;

    public static long Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = VietnameseFolding.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Span<int> weights = stackalloc int[64];
        for (var i = 0; i + 2 < words.Length; i++)
        {
            var hash = Hash($"{words[i]} {words[i + 1]} {words[i + 2]}");
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return unchecked((long)result);
    }

    // FNV-1a then the splitmix64 finaliser, so that every output bit depends on every input character.
    private static ulong Hash(string shingle)
    {
        var h = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        return h ^ (h >> 31);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));
}
