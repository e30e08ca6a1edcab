using System.Globalization;
using Monitor.Core.Text;

namespace Monitor.Core.Tagging.Rules;

/// <summary>Reads a rule an analyst writes in a plan:
/// <c>"ngộ độc thực phẩm" OR ("an toàn thực phẩm" AND NOT "quảng cáo")</c>, <c>"xe điện" NEAR/5 "cháy"</c>,
/// <c>title:"Quốc hội"</c>, <c>date:2024-10-21..2024-11-30</c>, <c>"Nhà giáo" EXCEPT "Luật Nhà giáo"</c>. Phrases are quoted (or bare
/// words); operators are upper case; NOT binds tightest, then EXCEPT, then NEAR/n, then AND, then OR. Errors are <see cref="RuleSyntaxException"/> in Vietnamese, with the column.</summary>
internal sealed class RuleParser
{
    /// <summary>Parentheses, NOT and field limits nested deeper than this are refused: the parser and the evaluator
    /// recurse once per level, and a rule nested ~9,000 deep overflowed the stack (the process ended). Real rules
    /// nest three or four levels.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _at;
    private int _depth;

    private RuleParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    public static RuleNode Parse(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parser = new RuleParser(rule);
        if (parser._tokens.Count == 0)
        {
            throw new RuleSyntaxException("luật rỗng", 1);
        }

        var node = parser.ParseOr(null);
        if (parser._at < parser._tokens.Count)
        {
            var t = parser._tokens[parser._at];
            throw new RuleSyntaxException(t.Kind == Kind.Close ? "thừa dấu ngoặc đóng ')'" : $"thiếu AND/OR trước '{t.Text}'", t.Column);
        }

        return node;
    }

    private RuleNode ParseOr(ArticleField? field)
    {
        var operands = new List<RuleNode> { ParseAnd(field) };
        while (Accept(Kind.Or))
        {
            operands.Add(ParseAnd(field));
        }

        return operands.Count == 1 ? operands[0] : new OrNode(operands);
    }

    private RuleNode ParseAnd(ArticleField? field)
    {
        var operands = new List<RuleNode> { ParseNear(field) };
        while (Accept(Kind.And))
        {
            operands.Add(ParseNear(field));
        }

        return operands.Count == 1 ? operands[0] : new AndNode(operands);
    }

    private RuleNode ParseNear(ArticleField? field)
    {
        var start = Peek();
        var node = ParseExcept(field);
        while (Peek() is { Kind: Kind.Near } near)
        {
            _at++;
            var right = ParseExcept(field);
            if (!node.IsPositional || !right.IsPositional)
            {
                throw new RuleSyntaxException("NEAR chỉ nối các cụm từ (hoặc nhóm OR của cụm từ), không nối AND/NOT", (node.IsPositional ? near : start)?.Column ?? 1);
            }

            node = new NearNode(node, right, near.Distance);
        }

        return node;
    }

    private RuleNode ParseExcept(ArticleField? field)
    {
        var start = Peek();
        var node = ParseUnary(field);
        while (Peek() is { Kind: Kind.Except } except)
        {
            _at++;
            var right = ParseUnary(field);
            if (!node.IsPositional || !right.IsPositional)
            {
                throw new RuleSyntaxException("EXCEPT chỉ nối các cụm từ (hoặc nhóm OR của cụm từ), không nối AND/NOT", (node.IsPositional ? except : start)?.Column ?? 1);
            }

            node = new ExceptNode(node, right);
        }

        return node;
    }

    private RuleNode ParseUnary(ArticleField? field)
    {
        if (Peek() is { Kind: Kind.Not } not)
        {
            _at++;
            Enter(not);
            var operand = new NotNode(ParseUnary(field));
            _depth--;
            return operand;
        }

        return ParsePrimary(field);
    }

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw new RuleSyntaxException($"luật lồng quá {MaxDepth} tầng (ngoặc, NOT, giới hạn trường); hãy viết phẳng hơn", at.Column);
        }
    }

    private RuleNode ParsePrimary(ArticleField? field)
    {
        var t = Peek() ?? throw new RuleSyntaxException("luật kết thúc giữa chừng: thiếu cụm từ", _text.Length + 1);
        switch (t.Kind)
        {
            case Kind.Field:
                _at++;
                if (field is not null && field != t.Field)
                {
                    throw new RuleSyntaxException($"giới hạn trường '{t.Text}' nằm trong một giới hạn trường khác", t.Column);
                }

                if (Peek() is not { Kind: Kind.Phrase or Kind.Word or Kind.Open })
                {
                    throw new RuleSyntaxException($"sau '{t.Text}:' cần một cụm từ trong ngoặc kép", t.Column);
                }

                Enter(t);
                var limited = ParsePrimary(t.Field);
                _depth--;
                return limited;
            case Kind.Open:
                _at++;
                Enter(t);
                var inner = ParseOr(field);
                if (!Accept(Kind.Close))
                {
                    throw new RuleSyntaxException("thiếu dấu ngoặc đóng ')'", t.Column);
                }

                _depth--;
                return inner;
            case Kind.Phrase:
                _at++;
                return Phrase(t.Text, t.Column, field);
            case Kind.Date:
                _at++;
                return field is null ? new DateNode(t.From, t.To) : throw new RuleSyntaxException("'date:' không nằm trong giới hạn trường", t.Column);
            case Kind.Word:
                // Bare words up to the next operator are one phrase: exclude: [quảng cáo] reads as "quảng cáo".
                var words = new List<string>();
                while (Peek() is { Kind: Kind.Word } w)
                {
                    words.Add(w.Text);
                    _at++;
                }

                return Phrase(string.Join(' ', words), t.Column, field);
            case Kind.Close:
                throw new RuleSyntaxException("thiếu cụm từ trước dấu ngoặc đóng ')'", t.Column);
            default:
                throw new RuleSyntaxException($"thiếu cụm từ trước '{t.Text}'", t.Column);
        }
    }

    private static PhraseNode Phrase(string text, int column, ArticleField? field)
    {
        var folded = VietnameseFolding.Key(text);
        return folded.Length == 0 ? throw new RuleSyntaxException("cụm từ rỗng (không có chữ hay số)", column) : new PhraseNode(folded, field, text);
    }

    private Token? Peek() => _at < _tokens.Count ? _tokens[_at] : null;

    private bool Accept(Kind kind)
    {
        if (Peek()?.Kind != kind)
        {
            return false;
        }

        _at++;
        return true;
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : Kind.Close, c.ToString(), i + 1));
                i++;
            }
            else if (c is '"' or '“' or '”')
            {
                var end = text.IndexOfAny(['"', '”', '“'], i + 1);
                if (end < 0)
                {
                    throw new RuleSyntaxException("thiếu dấu ngoặc kép đóng", i + 1);
                }

                tokens.Add(new Token(Kind.Phrase, text[(i + 1)..end], i + 1));
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"' or '“' or '”'))
                {
                    i++;
                }

                tokens.Add(Word(text[start..i], start + 1, i < text.Length ? text[i] : '\0'));
            }
        }

        return tokens;
    }

    private static Token Word(string word, int column, char next)
    {
        switch (word)
        {
            case "AND":
                return new Token(Kind.And, word, column);
            case "OR":
                return new Token(Kind.Or, word, column);
            case "NOT":
                return new Token(Kind.Not, word, column);
            case "EXCEPT":
                return new Token(Kind.Except, word, column);
        }

        if (word.StartsWith("NEAR", StringComparison.Ordinal))
        {
            var n = word.Length > 5 && word[4] == '/' && int.TryParse(word[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : -1;
            return n is >= 0 and <= 1000
                ? new Token(Kind.Near, word, column, Distance: n)
                : throw new RuleSyntaxException($"'{word}': NEAR cần số từ tối đa giữa hai cụm, ví dụ NEAR/5", column);
        }

        if (word.StartsWith("date:", StringComparison.OrdinalIgnoreCase))
        {
            return DateToken(word, column);
        }

        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && word[..colon].All(char.IsAsciiLetter))
        {
            if (colon < word.Length - 1 || next is not ('"' or '“' or '('))
            {
                // "20:00" or "lưu ý:" inside bare words is text, not a field.
                return new Token(Kind.Word, word, column);
            }

            var name = word[..colon];
            return FieldNames.TryGetValue(name, out var field)
                ? new Token(Kind.Field, name, column, Field: field)
                : throw new RuleSyntaxException($"trường '{name}' không có; dùng title, description (lead) hoặc text", column);
        }

        return new Token(Kind.Word, word, column);
    }

    // date:2024-10-21..2024-11-30, date:2024-10-21.. or date:..2024-11-30 (ISO days, both ends included).
    private static Token DateToken(string word, int column)
    {
        var range = word[5..];
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            var day = Day(range, word, column) ?? throw new RuleSyntaxException($"'{word}': cần ngày dạng date:2024-11-01..2024-11-30", column);
            return new Token(Kind.Date, word, column, From: day, To: day);
        }

        var from = Day(range[..dots], word, column);
        var to = Day(range[(dots + 2)..], word, column);
        if (from is null && to is null)
        {
            throw new RuleSyntaxException($"'{word}': cần ít nhất một đầu của khoảng ngày, ví dụ date:2024-11-01..2024-11-30", column);
        }

        return from > to
            ? throw new RuleSyntaxException($"'{word}': ngày đầu sau ngày cuối", column)
            : new Token(Kind.Date, word, column, From: from, To: to);
    }

    private static DateOnly? Day(string text, string word, int column) =>
        text.Length == 0 ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new RuleSyntaxException($"'{word}': '{text}' không phải ngày dạng yyyy-MM-dd", column);

    private static readonly Dictionary<string, ArticleField> FieldNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = ArticleField.Title, ["description"] = ArticleField.Description, ["lead"] = ArticleField.Description,
        ["text"] = ArticleField.Text, ["body"] = ArticleField.Text,
    };

    private enum Kind
    {
        Phrase,
        Word,
        And,
        Or,
        Not,
        Near,
        Except,
        Open,
        Close,
        Field,
        Date,
    }

    private sealed record Token(Kind Kind, string Text, int Column, int Distance = 0, ArticleField Field = default, DateOnly? From = null, DateOnly? To = null);
}
