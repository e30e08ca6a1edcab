using System.Text;

namespace Monitor.Directives.Reading;

/// <summary>Turns a file into plain text, choosing the reader by content first (a .txt may hold a PDF) and
/// refusing what is not a document with a one-line reason.</summary>
internal static class DocumentText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(string path, DirectiveImportOptions ocr, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new DirectiveImportException(path, "không có tệp này");
        }

        if (new FileInfo(path).Length > DirectiveLimits.MaxFileBytes)
        {
            throw new DirectiveImportException(path, $"tệp lớn hơn {DirectiveLimits.MaxFileBytes / (1024 * 1024)} MiB, giới hạn của một văn bản chỉ đạo");
        }

        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (bytes.Length == 0)
        {
            throw new DirectiveImportException(path, "tệp rỗng");
        }

        var text = StartsWith(bytes, "%PDF"u8) ? await PdfText.ReadAsync(path, ocr, ct)
            : StartsWith(bytes, "PK\u0003\u0004"u8) ? DocxText.Read(path, bytes)
            : Decode(path, bytes);
        if (text.Length > DirectiveLimits.MaxTextChars)
        {
            throw DocxText.TooLong(path);
        }

        text = Invisible.Remove(text).Normalize(NormalizationForm.FormC);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DirectiveImportException(path, "văn bản không có chữ nào");
        }

        return text;
    }

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> magic) => bytes.AsSpan().StartsWith(magic);

    private static string Decode(string path, byte[] bytes)
    {
        // Word's "Unicode text" is UTF-16 with a byte-order mark.
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            try
            {
                return new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2);
            }
            catch (DecoderFallbackException e)
            {
                throw new DirectiveImportException(path, "có dấu UTF-16 nhưng không phải văn bản UTF-16 hợp lệ", e);
            }
        }

        // A NUL byte never occurs in a UTF-8 directive; it marks a binary (image, archive, old .doc).
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new DirectiveImportException(path, "không phải văn bản .txt, .docx hay .pdf (dữ liệu nhị phân)");
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new DirectiveImportException(path, "không phải văn bản UTF-8 (hãy lưu dạng UTF-8, .docx hoặc .pdf)", e);
        }
    }
}
