namespace Monitor.Crawlers.Tests.Extraction;

/// <summary>Small article pages written for these tests, laid out like a provincial paper: header with menu and
/// today's date, article with title, date line, lead, paragraphs, figure, share bar, related links and comments.</summary>
internal static class Pages
{
    public const string FirstParagraph = "Chiều 18/11, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác tuyên truyền, phổ biến, giáo dục pháp luật năm 2024 với sự tham dự của đại diện các sở, ban, ngành.";
    public const string LastParagraph = "Hội nghị cũng đề ra phương hướng, nhiệm vụ năm 2025, trong đó chú trọng chuyển đổi số trong công tác thông tin, tuyên truyền ở cơ sở.";

    public static string Article(string head = "", string header = "", string dateLine = "", string lead = "", string lang = "vi") => $$"""
        <!DOCTYPE html><html lang="{{lang}}"><head><meta charset="utf-8"><title>Hội nghị tổng kết | Báo Mẫu</title>{{head}}</head>
        <body>
        <header>{{header}}<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li></ul></nav></header>
        <div class="container"><div class="main-col"><article>
          <h1>Hội nghị tổng kết công tác tuyên truyền năm 2024</h1>
          {{dateLine}}
          {{lead}}
          <div class="article-content">
            <p>{{FirstParagraph}}</p>
            <p>Theo báo cáo, trong năm qua các cơ quan báo chí trên địa bàn đã đăng tải hơn 2.000 tin, bài phản ánh các chủ trương, chính sách mới của Đảng và Nhà nước.</p>
            <figure><img src="/a.jpg"><figcaption>Chú thích ảnh: quang cảnh hội nghị</figcaption></figure>
            <p>Nhiều mô hình hay, cách làm sáng tạo trong công tác phổ biến pháp luật đã được nhân rộng, góp phần nâng cao ý thức chấp hành pháp luật của người dân.</p>
            <div class="share-buttons"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a></div>
            <p id="p-last">{{LastParagraph}}</p>
          </div>
          <div class="related-news"><h3>Tin liên quan</h3><ul><li><a href="/1">Một tin khác về hội nghị tuyên truyền pháp luật của tỉnh</a></li></ul></div>
          <div id="comments"><p>Bình luận của bạn đọc: bài viết rất hay, mong tỉnh tiếp tục tổ chức nhiều hội nghị như thế này.</p></div>
        </article></div>
        <aside class="sidebar"><p>Đọc nhiều: một bài viết dài khác ở cột bên cạnh mà không thuộc về bài báo đang đọc.</p></aside></div>
        <footer><p>Bản quyền thuộc về Báo Mẫu. Giấy phép số 123/GP-BTTTT.</p></footer>
        <script>var tracker = 1;</script>
        </body></html>
        """;
}
