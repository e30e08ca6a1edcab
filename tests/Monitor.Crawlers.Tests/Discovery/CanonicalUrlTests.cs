using Monitor.Core.Articles;

namespace Monitor.Crawlers.Tests.Discovery;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://Baokontum.com.vn:443/xa-hoi/bai-48330.html?utm_source=rss&fbclid=x#binh-luan")]
    [InlineData("https://m.baokontum.com.vn/xa-hoi/bai-48330.html")]
    [InlineData("https://amp.baokontum.com.vn/xa-hoi/bai-48330.html")]
    [InlineData("https://baokontum.com.vn/amp/xa-hoi/bai-48330.html")]
    [InlineData("https://baokontum.com.vn/xa-hoi/bai-48330.html/amp")]
    [InlineData("https://baokontum.com.vn/xa-hoi/bai-48330.amp.html")]
    [InlineData("https://baokontum.com.vn/xa-hoi/bai-48330.html?amp")]
    [InlineData("https://baokontum.com.vn/xa-hoi/bai-48330.html?outputType=amp&zarsrc=31")]
    public void Variants_of_one_article_give_one_canonical_url(string variant) =>
        Assert.Equal("https://baokontum.com.vn/xa-hoi/bai-48330.html", CanonicalUrl.Normalize(variant));

    [Theory]
    [InlineData("https://baokontum.com.vn/xa-hoi-8.html?page=2")]
    [InlineData("https://m.vn/tin.html")]
    [InlineData("https://baokontum.com.vn/example/tin.html")]
    public void Addresses_that_only_look_like_variants_are_kept(string url) => Assert.Equal(url, CanonicalUrl.Normalize(url));
}
