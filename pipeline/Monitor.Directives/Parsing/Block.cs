namespace Monitor.Directives.Parsing;

/// <summary>What a paragraph is in the outline of a directive.</summary>
internal enum BlockKind
{
    Roman,
    Number,
    Letter,
    Bullet,
    Star,
    Text,
}

/// <summary>One paragraph of a directive with its outline marker ("II", "1.2", "a") and text without the marker.</summary>
internal sealed class Block(BlockKind kind, string label, string text)
{
    public BlockKind Kind { get; } = kind;
    public string Label { get; } = label;
    public string Text { get; set; } = text;

    /// <summary>Depth in the outline; a block nests under the nearest earlier block of smaller depth.</summary>
    public int Depth => Kind switch
    {
        BlockKind.Roman => 0,
        BlockKind.Number => Label.Count(c => c == '.') + 1,
        BlockKind.Letter => 9,
        BlockKind.Bullet => 20,
        BlockKind.Star => 21,
        _ => 30,
    };

    public bool IsHeading => Kind is BlockKind.Roman or BlockKind.Number or BlockKind.Letter;

    public override string ToString() => $"{Kind} {Label} {Text}";
}

/// <summary>A node of the outline tree: a block and what stands under it.</summary>
internal sealed class OutlineNode(Block block, OutlineNode? parent)
{
    public Block Block { get; } = block;
    public OutlineNode? Parent { get; } = parent;
    public List<OutlineNode> Children { get; } = [];

    public IEnumerable<OutlineNode> Descendants()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var d in child.Descendants())
            {
                yield return d;
            }
        }
    }

    public IEnumerable<OutlineNode> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            yield return p;
        }
    }

    /// <summary>Nests blocks by depth under a synthetic root.</summary>
    public static OutlineNode Build(IEnumerable<Block> blocks)
    {
        var root = new OutlineNode(new Block(BlockKind.Text, "", ""), null);
        var stack = new Stack<OutlineNode>();
        stack.Push(root);
        foreach (var block in blocks)
        {
            while (stack.Count > 1 && stack.Peek().Block.Depth >= block.Depth)
            {
                stack.Pop();
            }

            var node = new OutlineNode(block, stack.Peek());
            stack.Peek().Children.Add(node);
            if (block.Kind != BlockKind.Text)
            {
                stack.Push(node);
            }
        }

        return root;
    }
}
