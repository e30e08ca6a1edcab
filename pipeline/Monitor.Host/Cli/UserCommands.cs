using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Dashboards.Accounts;
using Monitor.Host.Composition;
using Monitor.Storage.Users;

namespace Monitor.Host.Cli;

/// <summary>monitor users add|list|remove: the dashboards' accounts in the store of the data directory.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Tên đăng nhập." };
        var role = new Option<string>("--role") { Description = "admin, analyst, editor hoặc leader.", Required = true };
        var outlets = new Option<string[]>("--outlet") { Description = "Cơ quan báo chí biên tập viên phụ trách (lặp lại cho nhiều cơ quan; chỉ cho editor).", AllowMultipleArgumentsPerToken = false };
        var stdin = new Option<bool>("--password-stdin") { Description = "Đọc mật khẩu từ dòng đầu của đầu vào chuẩn (bắt buộc: mật khẩu không đi qua dòng lệnh)." };
        var add = new Command("add", "Thêm người dùng (hoặc đặt lại vai trò, cơ quan, mật khẩu của người đã có).") { name, role, outlets, stdin, CommonOptions.DataDir };
        add.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            if (!r.GetValue(stdin))
            {
                throw new UserInputException("cần --password-stdin: đưa mật khẩu qua đầu vào chuẩn, ví dụ  printf '%s' \"$MK\" | monitor users add ten --role analyst --password-stdin");
            }

            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r') ?? "";
            using var host = (await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct)).Build();
            var accounts = new AccountService(host.Services.GetRequiredService<UserStore>(), host.Services.GetRequiredService<TimeProvider>());
            try
            {
                await accounts.SaveAsync(r.GetValue(name)!, r.GetValue(role)!, password, r.GetValue(outlets) ?? [], ct);
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message);
            }

            await Console.Out.WriteLineAsync($"đã lưu người dùng {r.GetValue(name)} ({r.GetValue(role)})");
            return 0;
        }));

        var list = new Command("list", "Liệt kê người dùng: vai trò, cơ quan phụ trách, khóa tạm thời.") { CommonOptions.DataDir };
        list.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            using var host = (await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct)).Build();
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            foreach (var u in await host.Services.GetRequiredService<UserStore>().ListAsync(ct))
            {
                var locked = u.LockedUntil is { } l && l > now ? $"\tkhóa đến {l.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm}" : "";
                await Console.Out.WriteLineAsync($"{u.Name}\t{u.Role}\t{string.Join(", ", u.Outlets)}{locked}");
            }

            return 0;
        }));

        var removed = new Argument<string>("NAME") { Description = "Tên đăng nhập." };
        var remove = new Command("remove", "Xóa người dùng.") { removed, CommonOptions.DataDir };
        remove.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            using var host = (await MonitorServices.CreateBuilderAsync(r.GetValue(CommonOptions.DataDir)!, ct)).Build();
            if (!await host.Services.GetRequiredService<UserStore>().RemoveAsync(r.GetValue(removed)!, ct))
            {
                throw new UserInputException($"người dùng '{r.GetValue(removed)}': không có trong kho");
            }

            await Console.Out.WriteLineAsync($"đã xóa người dùng {r.GetValue(removed)}");
            return 0;
        }));
        return new Command("users", "Người dùng của bảng điều khiển.") { add, list, remove };
    }
}
