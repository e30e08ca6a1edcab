using MimeKit;
using Quartz;

namespace Monitor.Reports.Scheduling;

/// <summary>Settings section <c>Monitor:Summary</c>: when the weekly summary runs, who receives it and through which
/// SMTP server. Checked at start (<see cref="Validate"/>): a wrong value stops the process with a line naming it.</summary>
public sealed class SummaryOptions
{
    public const string Section = "Monitor:Summary";

    /// <summary>Quartz cron in Asia/Ho_Chi_Minh; Monday 07:00 by default. The summary written is the week before the run's.</summary>
    public string Cron { get; set; } = "0 0 7 ? * MON";

    /// <summary>Quota reminders are looked for daily at this time (Asia/Ho_Chi_Minh).</summary>
    public string ReminderCron { get; set; } = "0 0 7 * * ?";

    /// <summary>Recipients per plan id ("*" = every plan): the analysts and leaders who get the summary and the reminders.</summary>
    public Dictionary<string, List<string>> Recipients { get; set; } = [];

    /// <summary>Editors per outlet name: they get the quota reminders of their outlet.</summary>
    public Dictionary<string, List<string>> Editors { get; set; } = [];

    public SmtpOptions Smtp { get; set; } = new();

    public IReadOnlyList<string> RecipientsOf(string planId) =>
        Recipients.TryGetValue(planId, out var mine) ? [.. mine, .. Recipients.GetValueOrDefault("*") ?? []] : Recipients.GetValueOrDefault("*") ?? [];

    /// <summary>Every problem, one line each, naming the setting and its value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, cron) in new[] { ("Cron", Cron), ("ReminderCron", ReminderCron) })
        {
            if (!CronExpression.TryParse(cron, out _))
            {
                errors.Add($"{Section}:{name} '{cron}': không phải biểu thức cron của Quartz (ví dụ '0 0 7 ? * MON')");
            }
        }

        foreach (var (key, list) in Recipients.Select(r => ("Recipients:" + r.Key, r.Value)).Concat(Editors.Select(e => ("Editors:" + e.Key, e.Value))))
        {
            errors.AddRange(list.Where(a => !MailboxAddress.TryParse(a, out _)).Select(a => $"{Section}:{key} '{a}': không phải địa chỉ thư điện tử"));
        }

        if ((Recipients.Count > 0 || Editors.Count > 0) && string.IsNullOrWhiteSpace(Smtp.Host))
        {
            errors.Add($"{Section}:Smtp:Host: cần máy chủ thư khi đã có người nhận");
        }

        if (Smtp.Port is < 1 or > 65535)
        {
            errors.Add($"{Section}:Smtp:Port '{Smtp.Port}': cần số cổng 1–65535");
        }

        if (!MailboxAddress.TryParse(Smtp.From, out _))
        {
            errors.Add($"{Section}:Smtp:From '{Smtp.From}': không phải địa chỉ thư điện tử");
        }

        if (Smtp.Security is not ("auto" or "none" or "starttls" or "ssl"))
        {
            errors.Add($"{Section}:Smtp:Security '{Smtp.Security}': dùng auto, none, starttls hoặc ssl");
        }

        return errors;
    }
}

/// <summary>The SMTP server the summaries go through (MailKit).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// <summary>auto (STARTTLS when offered), none, starttls, ssl.</summary>
    public string Security { get; set; } = "auto";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "monitor@localhost";
    public int TimeoutSeconds { get; set; } = 20;
}
