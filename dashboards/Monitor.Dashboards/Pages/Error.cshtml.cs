using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Monitor.Dashboards.Pages;

/// <summary>The page shown for a status without a body (403, 404): what happened, in Vietnamese.</summary>
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        (Heading, Explanation) = code switch
        {
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu gửi lên không đọc được (quá lớn, hoặc trang đã cũ). Hãy tải lại trang rồi thử lại."),
            413 => ("Tệp quá lớn", "Tệp gửi lên vượt giới hạn của máy chủ."),
            403 => ("Không có quyền", "Vai trò của bạn không được mở trang hoặc thao tác này."),
            404 => ("Không tìm thấy", "Trang, kế hoạch, chủ đề hoặc bài viết này không có."),
            _ => ("Lỗi", $"Máy chủ trả lời mã {code}."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
        {
            Response.StatusCode = code;
        }
    }
}
