using Microsoft.AspNetCore.Mvc;
using Monitor.Dashboards.Accounts;
using Monitor.Dashboards.Exports;
using Monitor.Storage.Users;

namespace Monitor.Dashboards.Pages.Admin;

/// <summary>Người dùng as a download (no password hash, as the page).</summary>
public sealed partial class UsersModel
{
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        await OnGetAsync(ct);
        var tables = new Dictionary<string, ExportTable>
        {
            ["users"] = ExportTable.Of("Người dùng", Users,
                new ExportColumn<StoredUser>("Tên", u => u.Name),
                new ExportColumn<StoredUser>("Vai trò", u => MonitorRoles.Label(u.Role)),
                new ExportColumn<StoredUser>("Cơ quan phụ trách", u => string.Join(", ", u.Outlets)),
                new ExportColumn<StoredUser>("Trạng thái", State)),
        };
        return ExportFile.Answer(tables, table, format, "nguoi-dung");
    }

    public string State(StoredUser u)
    {
        ArgumentNullException.ThrowIfNull(u);
        return u.LockedUntil is { } l && l > Now ? $"tạm khóa đến {l.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)}"
            : u.FailedLogins > 0 ? $"{u.FailedLogins} lần nhập sai" : "bình thường";
    }
}
