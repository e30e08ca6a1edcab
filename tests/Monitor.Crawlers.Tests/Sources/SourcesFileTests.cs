using Monitor.Crawlers.Sources;

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
    public void Every_error_is_reported_with_the_file_and_line_of_its_source()
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
            "sources.yaml:5: source name 'a' is used twice",
            "sources.yaml:5: source 'a': kind 'magazine' is not one of newspaper, broadcaster, portal, party_bulletin",
            "sources.yaml:5: source 'a': feed 'ftp://b.vn/rss' is not an absolute http(s) URL",
            "sources.yaml:5: source 'a': schedule 'every hour' is not a Quartz cron expression",
        ], e.Errors);
    }

    [Fact]
    public void Malformed_yaml_is_reported_with_its_line()
    {
        var e = Assert.Throws<SourcesFileException>(() => SourcesFile.Parse("sources:\n  - name: a\n   outlet: [", "bad.yaml"));
        Assert.StartsWith("bad.yaml:", Assert.Single(e.Errors), StringComparison.Ordinal);
    }
}
