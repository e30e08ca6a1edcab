using Monitor.Crawlers.Sources;
using Monitor.Tests.Shared;

namespace Monitor.Crawlers.Tests.Sources;

public sealed class SourcesFileTests
{
    [Fact]
    public void A_valid_sources_file_is_read_with_defaults()
    {
        var sources = SourcesFile.Parse("""
            sources:
              - name: baokontum
                outlet: Báo Kon Tum
                feeds: [https://baokontum.com.vn/rss/thoi-su.rss]
            """, "sources.yaml");
        var source = Assert.Single(sources);
        Assert.Equal("Báo Kon Tum", source.Outlet);
        Assert.Equal("newspaper", source.Kind);
    }

    [Fact]
    public void Every_error_is_reported_with_the_file_and_the_line_of_the_key_at_fault()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("""
            sources:
              - name: a
                outlet: Báo A
                feeds: [https://a.vn/rss]
              - name: a
                outlet: Báo B
                kind: magazine
                feeds: [ftp://b.vn/rss]
                schedule: every hour
            """, "sources.yaml"));

        Assert.Equal(
        [
            "sources.yaml:5: tên nguồn 'a' đã dùng cho một nguồn trước; mỗi nguồn cần một tên riêng",
            "sources.yaml:7: nguồn 'a': kind 'magazine' không có; cần một trong newspaper, broadcaster, portal, party_bulletin",
            "sources.yaml:8: nguồn 'a': feed 'ftp://b.vn/rss' không phải địa chỉ http(s) đầy đủ",
            "sources.yaml:9: nguồn 'a': schedule 'every hour' không phải biểu thức cron của Quartz (ví dụ \"0 0/30 * * * ?\")",
        ], e.Errors);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n   outlet: [", "bad.yaml"));
        Assert.StartsWith("bad.yaml:", Assert.Single(e.Errors), StringComparison.Ordinal);
        // In Vietnamese: YamlDotNet's own reason is English.
        Assert.EndsWith($"({Monitor.Core.Plans.YamlSyntax.Hint})", e.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Listings_politeness_and_an_extraction_profile_are_read_and_party_bulletin_is_a_kind()
    {
        var source = Assert.Single(SourcesFile.Parse("""
            sources:
              - name: bantin
                outlet: Bản tin Tỉnh ủy
                kind: party bulletin
                sitemaps: [https://a.vn/sitemap.xml]
                listings:
                  - url: https://a.vn/thoi-su-1.html
                    page_url: https://a.vn/thoi-su-1.html?page={page}
                    pattern: '-\d+\.html$'
                politeness: { min_delay_seconds: 5, max_concurrency: 1 }
                extraction: { body: "div.detail-content", date: ".date" }
                verified: false
            """, "sources.yaml"));

        Assert.Equal("party_bulletin", source.Kind);
        Assert.Equal("https://a.vn/thoi-su-1.html?page={page}", Assert.Single(source.Listings).PageUrl);
        Assert.Equal(5, source.Politeness!.MinDelaySeconds);
        Assert.Equal("div.detail-content", source.Extraction!.Body);
        Assert.False(source.Verified);
    }

    [Fact]
    public void Bad_selectors_templates_patterns_and_limits_are_each_reported_on_their_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("""
            sources:
              - name: a
                outlet: Báo A
                homepage: a.vn
                listings:
                  - url: https://a.vn/tin
                    page_url: https://a.vn/tin?page=2
                    next: "a[[["
                    pattern: "(unclosed"
                politeness: { max_concurrency: 0 }
                extraction: { body: "div[class" }
            """, "s.yaml"));

        Assert.Equal(
        [
            "s.yaml:4: nguồn 'a': homepage 'a.vn' không phải địa chỉ http(s) đầy đủ",
            "s.yaml:5: nguồn 'a': listing 1: page_url 'https://a.vn/tin?page=2' phải là địa chỉ http(s) có {page}",
            "s.yaml:5: nguồn 'a': bộ chọn CSS listing 1 next 'a[[[' không hợp lệ",
            "s.yaml:5: nguồn 'a': listing 1: pattern '(unclosed' không phải biểu thức chính quy hợp lệ",
            "s.yaml:10: nguồn 'a': politeness max_concurrency 0 phải trong khoảng 1..16",
            "s.yaml:11: nguồn 'a': bộ chọn CSS extraction body 'div[class' không hợp lệ",
        ], e.Errors);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_line_the_keys_expected_and_the_closest_one()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n    outlet: A\n    feeds: [https://a.vn/rss]\n    shedule: x\n", "s.yaml"));

        Assert.Equal("s.yaml:5: khóa 'shedule' không có trong một nguồn (có phải 'schedule'?); các khóa dùng được: name, outlet, kind, province, "
            + "homepage, note, feeds, sitemaps, listings, schedule, politeness, extraction, verified", Assert.Single(e.Errors));
    }

    [Fact]
    public void Every_error_of_the_file_is_listed_structure_and_values_together_in_Vietnamese_without_dotnet_names()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("""
            sources:
              - name: a
                outlet: Báo A
                feeds: https://a.vn/rss
                shedule: x
              - name: b
                outlet: Báo B
                feeds: [https://b.vn/rss]
                politeness: { max_concurrency: nhiều, min_delay_seconds: [1] }
                listings: https://b.vn/tin
                verified: chưa
              - name: c
                kind: magazine
                feeds: [ftp://c.vn/rss]
            """, "s.yaml"));

        Assert.Equal(
        [
            "s.yaml:4: 'feeds' của nguồn phải là một danh sách (ví dụ [https://…] hoặc mỗi mục một dòng '- …'), không phải một giá trị đơn",
            "s.yaml:5: khóa 'shedule' không có trong một nguồn (có phải 'schedule'?); các khóa dùng được: name, outlet, kind, province, "
                + "homepage, note, feeds, sitemaps, listings, schedule, politeness, extraction, verified",
            "s.yaml:9: 'max_concurrency' của politeness phải là một số nguyên, không phải 'nhiều'",
            "s.yaml:9: 'min_delay_seconds' của politeness phải là một số, không phải một danh sách",
            "s.yaml:10: 'listings' của nguồn phải là một danh sách (ví dụ [https://…] hoặc mỗi mục một dòng '- …'), không phải một giá trị đơn",
            "s.yaml:11: 'verified' của nguồn phải là true hoặc false, không phải 'chưa'",
            "s.yaml:12: nguồn 'c' chưa có tên cơ quan báo chí (khóa outlet)",
            "s.yaml:13: nguồn 'c': kind 'magazine' không có; cần một trong newspaper, broadcaster, portal, party_bulletin",
            "s.yaml:14: nguồn 'c': feed 'ftp://c.vn/rss' không phải địa chỉ http(s) đầy đủ",
        ], e.Errors);
        Assert.All(e.Errors, m => Assert.DoesNotContain("System.", m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# chỉ có ghi chú\n")]
    [InlineData("sources: []\n")]
    [InlineData("sources:\n")]
    public void An_empty_sources_file_says_the_file_has_no_sources(string yaml)
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(yaml, "rong.yaml"));

        Assert.Equal("rong.yaml: tệp nguồn tin không có nguồn nào (cần khóa 'sources' với ít nhất một nguồn)", Assert.Single(e.Errors));
    }

    [Fact]
    public void A_file_without_the_sources_key_names_the_key_it_has_and_the_one_expected()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("nguon:\n  - name: a\n", "s.yaml"));

        Assert.Equal("s.yaml:1: khóa 'nguon' không có ở đầu tệp nguồn tin; các khóa dùng được: sources", Assert.Single(e.Errors));
    }

    [Fact]
    public void Each_message_carries_the_file_and_line_once()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n   outlet: [", "bad.yaml"));

        var line = Assert.Single(e.Errors);
        Assert.StartsWith("bad.yaml:3: ", line, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "bad\\.yaml"));
        Assert.DoesNotContain("Line:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sources_file_nested_100000_deep_is_one_line_not_a_stack_overflow()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources: " + new string('[', 100_000) + new string(']', 100_000) + "\n", "sau.yaml"));

        Assert.Equal("sau.yaml:1: YAML lồng quá 64 tầng; tệp này chỉ cần vài tầng", Assert.Single(e.Errors));
    }

    [Fact]
    public void A_page_budget_per_run_is_read_and_checked()
    {
        var source = Assert.Single(SourcesFile.Parse("sources:\n  - name: a\n    outlet: A\n    feeds: [https://a.vn/rss]\n    politeness: { max_pages_per_run: 50 }\n", "s.yaml"));
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n    outlet: A\n    feeds: [https://a.vn/rss]\n    politeness: { max_pages_per_run: 0 }\n", "s.yaml"));

        Assert.Equal(50, source.Politeness!.MaxPagesPerRun);
        Assert.Equal("s.yaml:5: nguồn 'a': politeness max_pages_per_run 0 phải trong khoảng 1..100000", Assert.Single(e.Errors));
    }

    [Fact]
    public void The_shipped_sources_file_is_valid_and_marks_what_is_not_verified()
    {
        var sources = SourcesFile.Load(Path.Combine(RepositoryPaths.Root, "crawlers", "sources.yaml"));

        Assert.Contains(sources, s => s.Outlet == "Báo Kon Tum" && s.Verified);
        Assert.Contains(sources, s => s.Outlet == "Báo Kiên Giang");
        Assert.Contains(sources, s => !s.Verified);
        Assert.All(sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Province)));
    }
}
