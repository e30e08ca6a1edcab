using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Storage.Users;

namespace Monitor.Dashboards.Pages.Admin;

/// <summary>Người dùng (admin only): who may log in, with which role and outlets, and who is locked out.</summary>
public sealed partial class UsersModel(UserStore users, TimeProvider time) : PageModel
{
    public IReadOnlyList<StoredUser> Users { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        Users = await users.ListAsync(ct);
    }
}
