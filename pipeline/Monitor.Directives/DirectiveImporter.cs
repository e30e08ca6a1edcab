using Monitor.Core.Plans;
using Monitor.Directives.Outlets;
using Monitor.Directives.Parsing;
using Monitor.Directives.Reading;

namespace Monitor.Directives;

/// <summary>Reads a directive (plain text, .docx, .pdf, scanned .pdf) and proposes the plan an analyst checks.</summary>
public sealed class DirectiveImporter
{
    // The shipped registry is parsed once per importer; an analyst's extra file is read on every import so
    // edits take effect without a restart.
    private readonly Lazy<OutletRegistry> _shipped = new(() => OutletRegistry.Load(null));

    /// <summary>Imports one file; bad input throws <see cref="DirectiveImportException"/> with a one-line message.</summary>
    public async Task<Plan> ImportAsync(string path, DirectiveImportOptions options, CancellationToken ct) =>
        (await ImportWithTextAsync(path, options, ct)).Plan;

    /// <summary>Imports one file and returns the text read from it too (the dashboard shows the proposal beside it).</summary>
    public async Task<(Plan Plan, string Text)> ImportWithTextAsync(string path, DirectiveImportOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var text = await DocumentText.ReadAsync(path, options, ct);
        var registry = options.OutletsFile is null ? _shipped.Value : OutletRegistry.Load(options.OutletsFile);
        var plan = Import(text, options, registry);
        plan.Id = System.IO.Path.GetFileNameWithoutExtension(path);
        return (plan, text);
    }

    /// <summary>Builds the plan from text already read; the seam the tests and benchmarks use.</summary>
    internal static Plan Import(string text, DirectiveImportOptions options, OutletRegistry registry) =>
        new PlanBuilder(registry, options).Build(text);
}
