namespace Monitor.Directives;

/// <summary>What the analyst tells the importer beyond the file itself.</summary>
public sealed class DirectiveImportOptions
{
    /// <summary>Issue date when the document leaves it blank ("ngày tháng năm"); wins over the printed date.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>An extra outlet registry (YAML, same shape as the shipped outlets.yaml) that extends the built-in one.</summary>
    public string? OutletsFile { get; init; }

    /// <summary>Page resolution for OCR of scanned PDFs; 300 dpi reads Vietnamese diacritics reliably.</summary>
    public int OcrDpi { get; init; } = 300;

    /// <summary>Scanned pages read by OCR at most; a longer scan is refused before any page is rendered (a directive
    /// is a few pages to a few dozen; 200 blank pages took 175 s before "holds no text").</summary>
    public int OcrMaxPages { get; init; } = 100;

    /// <summary>Time for rendering and reading a whole scan; past it the import stops with one line (a page takes one
    /// to two seconds at 300 dpi).</summary>
    public TimeSpan OcrTimeBudget { get; init; } = TimeSpan.FromMinutes(5);
}
