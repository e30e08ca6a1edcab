namespace Monitor.Host.Reports;

/// <summary>One table of a report, as every output format shows it: the same title, headings, cells and notes, so a
/// table, JSON, CSV and Markdown carry identical content.</summary>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Notes);
