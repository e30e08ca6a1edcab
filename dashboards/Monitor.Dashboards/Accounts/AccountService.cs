using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Monitor.Storage.Users;

namespace Monitor.Dashboards.Accounts;

/// <summary>Why a login was refused (the page says the same to a wrong name and a wrong password).</summary>
public enum LoginOutcome
{
    Success,
    Wrong,
    LockedOut,
}

/// <summary>Accounts over the store: ASP.NET Core Identity's password hasher (PBKDF2, versioned format), and a lockout
/// after <see cref="MaxFailures"/> wrong passwords in a row for <see cref="LockFor"/>.</summary>
public sealed class AccountService(UserStore users, TimeProvider time)
{
    public const int MaxFailures = 5;
    public const int MinPasswordLength = 10;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<StoredUser> Hasher = new();

    // Verified when the name is unknown, so a wrong name costs the same time as a wrong password.
    private static readonly string Decoy = Hasher.HashPassword(null!, "decoy password that nobody has");

    /// <summary>Adds or resets a user. Bad input throws <see cref="ArgumentException"/> with a Vietnamese message.</summary>
    public async Task SaveAsync(string name, string role, string password, IReadOnlyCollection<string> outlets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(outlets);
        if (name.Length is 0 or > 64 || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"tên '{name}': cần 1–64 ký tự, không có khoảng trắng");
        }

        if (!MonitorRoles.All.Contains(role))
        {
            throw new ArgumentException($"--role '{role}': không có vai trò này, dùng {string.Join(", ", MonitorRoles.All)}");
        }

        if (role == MonitorRoles.Editor && outlets.Count == 0)
        {
            throw new ArgumentException("vai trò editor cần ít nhất một --outlet (cơ quan báo chí biên tập viên phụ trách)");
        }

        if (role != MonitorRoles.Editor && outlets.Count > 0)
        {
            throw new ArgumentException($"--outlet chỉ dùng cho vai trò editor, không cho '{role}'");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ArgumentException($"mật khẩu quá ngắn: cần ít nhất {MinPasswordLength} ký tự");
        }

        await users.SaveAsync(name, role, Hasher.HashPassword(null!, password), outlets, ct);
    }

    /// <summary>Checks a name and password; a locked user is refused without checking the password.</summary>
    public async Task<(LoginOutcome Outcome, ClaimsPrincipal? Principal)> CheckAsync(string name, string password, CancellationToken ct)
    {
        var user = await users.GetAsync(name, ct);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, Decoy, password);
            return (LoginOutcome.Wrong, null);
        }

        if (user.LockedUntil is { } until && until > time.GetUtcNow())
        {
            return (LoginOutcome.LockedOut, null);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return (await users.RecordFailureAsync(name, MaxFailures, LockFor, ct) is null ? LoginOutcome.Wrong : LoginOutcome.LockedOut, null);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SaveAsync(user.Name, user.Role, Hasher.HashPassword(user, password), user.Outlets, ct);
        }

        await users.RecordSuccessAsync(name, ct);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        claims.AddRange(user.Outlets.Select(o => new Claim(MonitorRoles.OutletClaim, o)));
        return (LoginOutcome.Success, new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }

    /// <summary>A random password of 16 letters and digits (demo users).</summary>
    public static string GeneratePassword()
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return System.Security.Cryptography.RandomNumberGenerator.GetString(Alphabet, 16);
    }
}
