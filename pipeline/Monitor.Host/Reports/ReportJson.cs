using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Monitor.Host.Reports;

/// <summary>report ... --format json: per plan, the typed rows the JSON API answers for it (Monitor.Storage.Coverage.CoverageRows),
/// serialised with the API's conventions (camelCase names, numbers as numbers, ISO dates), Vietnamese left readable.</summary>
internal static class ReportJson
{
    /// <summary>One plan's rows; <paramref name="Rows"/> is the list GET /api/plans/{id}/coverage (quotas, gaps, events) answers.</summary>
    public sealed record PlanRows(string Plan, int Version, object Rows);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Write(IReadOnlyList<PlanRows> plans, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(plans, Options));
    }
}
