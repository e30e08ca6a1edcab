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
}
