namespace Monitor.Storage.Tests.Coverage;

/// <summary>The coverage contract on the embedded SQLite store.</summary>
public sealed class CoverageAnalyticsOnSqlite() : CoverageAnalyticsTests(new SqliteBackend());

/// <summary>The stories contract on the embedded SQLite store.</summary>
public sealed class ThemeStoriesOnSqlite() : ThemeStoriesTests(new SqliteBackend());

/// <summary>The feedback contract on the embedded SQLite store.</summary>
public sealed class FeedbackOnSqlite() : FeedbackTests(new SqliteBackend());

/// <summary>The articles-behind-the-numbers contract on the embedded SQLite store.</summary>
public sealed class ArticlesBehindTheNumbersOnSqlite() : ArticlesBehindTheNumbersTests(new SqliteBackend());

/// <summary>The search contract on the embedded SQLite store.</summary>
public sealed class ArticleSearchOnSqlite() : ArticleSearchTests(new SqliteBackend());
