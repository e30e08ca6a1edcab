using Monitor.Elasticsearch.Tests.Support;

namespace Monitor.Elasticsearch.Tests.Contract;

/// <summary>The coverage contract on a real Elasticsearch (skipped, saying so, without MONITOR_ELASTICSEARCH_URL).</summary>
public sealed class CoverageAnalyticsOnElasticsearch() : CoverageAnalyticsTests(new ElasticsearchBackend()), INeedsElasticsearch;

/// <summary>The stories contract on a real Elasticsearch (skipped, saying so, without MONITOR_ELASTICSEARCH_URL).</summary>
public sealed class ThemeStoriesOnElasticsearch() : ThemeStoriesTests(new ElasticsearchBackend()), INeedsElasticsearch;

/// <summary>The feedback contract on a real Elasticsearch written as the scaled-out roles write it (skipped, saying so,
/// without MONITOR_ELASTICSEARCH_URL).</summary>
public sealed class FeedbackOnElasticsearch() : FeedbackTests(new ElasticsearchBackend()), INeedsElasticsearch;

/// <summary>The articles-behind-the-numbers contract on a real Elasticsearch (skipped, saying so, without MONITOR_ELASTICSEARCH_URL).</summary>
public sealed class ArticlesBehindTheNumbersOnElasticsearch() : ArticlesBehindTheNumbersTests(new ElasticsearchBackend()), INeedsElasticsearch;

/// <summary>The search contract on a real Elasticsearch (skipped, saying so, without MONITOR_ELASTICSEARCH_URL).</summary>
public sealed class ArticleSearchOnElasticsearch() : ArticleSearchTests(new ElasticsearchBackend()), INeedsElasticsearch;
