using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Dashboards.Accounts;

namespace Monitor.Dashboards.Pages;

/// <summary>/login: name and password; the same message for a wrong name and a wrong password; lockout said plainly.</summary>
public sealed class LoginModel(AccountService accounts) : PageModel
{
    public string? Message { get; private set; }

    public string? Username { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnPostAsync(string? username, string? password, CancellationToken ct)
    {
        Username = username;
        var (outcome, principal) = await accounts.CheckAsync(username ?? "", password ?? "", ct);
        switch (outcome)
        {
            case LoginOutcome.Success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case LoginOutcome.LockedOut:
                Message = $"Tài khoản tạm khóa sau {AccountService.MaxFailures} lần nhập sai liên tiếp; thử lại sau {AccountService.LockFor.TotalMinutes:0} phút.";
                break;
            default:
                Message = "Tên đăng nhập hoặc mật khẩu không đúng.";
                break;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
