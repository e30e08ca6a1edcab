namespace Monitor.Directives.Parsing;

/// <summary>How the press writes about subjects that directives keep assigning. A directive names its subject in
/// administrative words ("Phòng ngừa ngộ độc thực phẩm", "kết quả Kỳ họp thứ 8, Quốc hội khóa XV"); articles use
/// the words of the news ("bị ngộ độc", "Quốc hội thông qua", "đại biểu Quốc hội"). When a theme's own text names a
/// subject (any trigger, folded, as whole words), its press phrases join the theme's keywords. Built from the
/// recurring subjects of provincial weekly/monthly guidance; docs/tagging-quality.md says how it was checked.
/// Phrases are matched folded, so none may fold onto an everyday word: "chất vấn" folds like "chất văn", "cháy xe"
/// like "chạy xe". Administrative labels ("an toàn thực phẩm") stand in every list of a health
/// or education article and are left to the analyst; a deputy's title ("đại biểu Quốc hội") or a teacher's ("Nhà giáo ưu tú") is no session or day;
/// "tôn vinh nhà giáo" is how a law or a policy speaks of the profession (EventRules leaves "tôn vinh" out for the same
/// reason), so it is no sign of the day either. Nor is honouring teachers ("tri ân thầy cô", "nhà giáo tiêu biểu"): teachers
/// are honoured all month, so that is the day's evidence only where the title or lead names the day (EventRules).</summary>
internal static class TopicLexicon
{
    public static IReadOnlyList<(string[] Triggers, string[] Phrases)> Entries { get; } =
    [
        (["ngộ độc thực phẩm", "an toàn thực phẩm"],
            ["ngộ độc thực phẩm", "vụ ngộ độc", "bị ngộ độc"]),
        (["pin lithium-ion", "phương tiện giao thông điện", "xe điện"],
            ["pin Lithium-ion", "pin lithium", "phương tiện giao thông điện", "cháy nổ xe điện", "sạc pin xe điện"]),
        (["kỳ họp thứ", "kỳ họp quốc hội"],
            ["Quốc hội thảo luận", "Quốc hội thông qua", "Quốc hội biểu quyết", "Quốc hội phê chuẩn",
             "phiên chất vấn", "trả lời chất vấn", "trình Quốc hội", "thảo luận tại tổ", "thảo luận ở tổ", "thảo luận tại hội trường",
             "thảo luận ở hội trường", "chương trình kỳ họp"]),
        (["kỷ nguyên mới", "vươn mình"],
            ["kỷ nguyên mới", "kỷ nguyên vươn mình", "vươn mình", "40 năm đổi mới"]),
        (["ngày nhà giáo việt nam"],
            ["Ngày Nhà giáo"]),
        (["ngày thành lập quân đội nhân dân việt nam"],
            ["Ngày thành lập Quân đội nhân dân Việt Nam", "Ngày hội Quốc phòng toàn dân"]),
        (["mặt trận tổ quốc việt nam"],
            ["Ngày truyền thống Mặt trận Tổ quốc Việt Nam", "Ngày hội Đại đoàn kết toàn dân tộc"]),
        (["tập kết ra bắc"],
            ["tập kết ra Bắc"]),
    ];
}
