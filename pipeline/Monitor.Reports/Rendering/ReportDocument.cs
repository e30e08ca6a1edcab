namespace Monitor.Reports.Rendering;

/// <summary>A report laid out once as blocks (headings, paragraphs, lists, tables), so that md, html and docx say the
/// same words and only differ in markup.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks);

/// <summary>One block of a report.</summary>
public abstract record Block;

/// <summary>A heading; level 1 is a section, level 2 a subsection.</summary>
public sealed record Heading(int Level, string Text) : Block;

/// <summary>A paragraph of text.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>A bulleted list.</summary>
public sealed record Items(IReadOnlyList<Item> Lines) : Block;

/// <summary>A list line: text, with an optional link on <see cref="LinkText"/> followed by <see cref="After"/>.</summary>
public sealed record Item(string Text, string? LinkText = null, string? Url = null, string After = "");

/// <summary>A table with a header row.</summary>
public sealed record Table(IReadOnlyList<string> Head, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;
