using Microsoft.Extensions.DependencyInjection;
using Monitor.Dashboards.Accounts;
using Monitor.Storage.Users;
using Spectre.Console;

namespace Monitor.Host.Demo;

/// <summary>One demo account per role in the demo's own data directory, with generated passwords printed once (a
/// second run keeps them and says so; `monitor users add NAME --password-stdin` resets one).</summary>
internal static class DemoUsers
{
    public static async Task CreateAsync(IServiceProvider services, string editorOutlet, IAnsiConsole console, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserStore>();
        var accounts = new AccountService(users, services.GetRequiredService<TimeProvider>());
        var existing = (await users.ListAsync(ct)).Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var created = new List<(string Name, string Role, string Password)>();
        foreach (var role in MonitorRoles.All)
        {
            var name = "demo-" + role;
            if (existing.Contains(name))
            {
                continue;
            }

            var password = AccountService.GeneratePassword();
            await accounts.SaveAsync(name, role, password, role == MonitorRoles.Editor ? [editorOutlet] : [], ct);
            created.Add((name, role, password));
        }

        if (created.Count == 0)
        {
            console.MarkupLine("Tài khoản bảng điều khiển: demo-admin, demo-analyst, demo-editor, demo-leader (mật khẩu đã in ở lần chạy đầu; đặt lại bằng [grey]monitor users add TÊN --role VAI_TRÒ --password-stdin[/]).");
            return;
        }

        console.MarkupLine("Tài khoản bảng điều khiển (mật khẩu chỉ in một lần):");
        foreach (var (name, role, password) in created)
        {
            var outlet = role == MonitorRoles.Editor ? $" · phụ trách {editorOutlet}" : "";
            console.MarkupLine(Markup.Escape($"  {name,-13} {password}  ({MonitorRoles.Label(role)}{outlet})"));
        }
    }
}
