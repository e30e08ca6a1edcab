using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Plans;
using Monitor.Core.Time;
using Monitor.Lab.SampleSite;
using Monitor.Storage;
using Monitor.Storage.Articles;
using Monitor.Storage.Plans;
using Monitor.Storage.Coverage;

namespace Monitor.Lab.Bench;

/// <summary>Fills a fresh store with generated stored articles and their tags for <c>monitor bench coverage</c>:
/// one transaction, prepared commands, deterministic for a seed. Their words and the full-text index are
/// <see cref="CoverageBenchSearch"/>'s, written once after them (and into a store generated before that existed).</summary>
public static class CoverageBenchData
{
    private static readonly string[] OtherOutlets = ["Báo Gia Lai", "Báo Đắk Lắk", "Báo Quảng Ngãi", "Báo Bình Định", "Báo Đắk Nông"];
    private static readonly string?[] Sections = [null, "Thời sự", "Xã hội", "Kinh tế", "Phòng cháy", "Pháp luật"];

    /// <summary>The store the coverage, summary and dashboard benches share: opens (or creates) it in <paramref name="dir"/>,
    /// stores the sample plan, and generates <paramref name="count"/> articles over three months around the plan's
    /// windows (1 October – 31 December 2024: a little over half fall inside) when it holds none yet.</summary>
    public static async Task<(MonitorDatabase Db, StoredPlan Plan)> OpenAsync(string dir, int count, CancellationToken ct)
    {
        var db = await MonitorDatabase.OpenAsync(dir, ct);
        var plan = await new PlanStore(db, TimeProvider.System).SaveAsync(SamplePlan.Load(), ct);
        if (await new ArticleReader(db).CountAsync(ct) == 0)
        {
            var clock = Stopwatch.StartNew();
            await GenerateAsync(db, plan.Id, plan.Version, plan.Plan, count, new DateOnly(2024, 10, 1), new DateOnly(2024, 12, 31), ct);
            Console.WriteLine($"  generated {count:N0} articles in one transaction: {clock.Elapsed.TotalSeconds:N1} s ({count / clock.Elapsed.TotalSeconds:N0} articles/s)");
        }

        if (await CoverageBenchSearch.MissingAsync(db, ct))
        {
            var clock = Stopwatch.StartNew();
            var indexed = await CoverageBenchSearch.FillAsync(db, plan.Id, plan.Plan, ct);
            Console.WriteLine($"  wrote the words of {indexed:N0} articles and their full-text index: {clock.Elapsed.TotalSeconds:N1} s");
        }

        return (db, plan);
    }

    /// <summary>Writes <paramref name="count"/> articles published over <paramref name="from"/>..<paramref name="to"/>
    /// (Vietnamese days, uniformly), three in four tagged with one of the plan's themes and one in six with a second.</summary>
    public static async Task<long> GenerateAsync(MonitorDatabase db, string planId, int planVersion, Plan plan, int count, DateOnly from, DateOnly to, CancellationToken ct, int seed = 46)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var outlets = plan.Themes.SelectMany(t => t.Outlets).Distinct().Concat(OtherOutlets).ToArray();
        var themes = plan.Themes.Select(t => t.Code).ToArray();
        var random = new Random(seed);
        var start = VietnamTime.StartOfDay(from).ToUnixTimeMilliseconds();
        var span = VietnamTime.StartOfDay(to.AddDays(1)).ToUnixTimeMilliseconds() - start;
        var stamp = Iso(DateTimeOffset.UnixEpoch);
        long tags = 0;
        await using var connection = await db.ConnectAsync(ct);
        // A bulk load into a fresh file: a large page cache keeps the indexes' pages in memory while they grow.
        await using (var pragma = Command(connection, "PRAGMA cache_size = -524288", null))
        {
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var article = Command(connection, """
            INSERT INTO articles (id, url, canonical_url, outlet, section, title, text, published, published_utc, week, fetched_at, content_hash, stored_at)
            VALUES ($id, $url, $url, $outlet, $section, $title, $text, $published, $utc, $week, $published, $id, $stamp)
            """, tx, ("$id", ""), ("$url", ""), ("$outlet", ""), ("$section", null), ("$title", ""), ("$text", ""), ("$published", ""), ("$utc", 0L),
            ("$week", ""), ("$stamp", stamp));
        await using var tag = Command(connection, """
            INSERT INTO tags (article_id, plan_id, plan_version, theme_code, score, evidence, tagged_at, outlet, section, day, week, month)
            VALUES ($id, $plan, $version, $theme, 1.0, '[]', $stamp, $outlet, $section, $day, $week, $month)
            """, tx, ("$id", ""), ("$plan", planId), ("$version", planVersion), ("$theme", ""), ("$stamp", stamp), ("$outlet", ""), ("$section", null),
            ("$day", ""), ("$week", ""), ("$month", ""));
        article.Prepare();
        tag.Prepare();
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString("x32", CultureInfo.InvariantCulture);
            var utc = start + (long)(random.NextDouble() * span);
            var local = VietnamTime.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(utc));
            var day = DateOnly.FromDateTime(local.DateTime);
            var week = IsoWeek.Of(day).ToString();
            var outlet = outlets[random.Next(outlets.Length)];
            var section = Sections[random.Next(Sections.Length)];
            Set(article, ("$id", id), ("$url", "https://bench.invalid/" + id), ("$outlet", outlet), ("$section", section), ("$title", "Bài " + id),
                ("$text", "Nội dung bài " + id), ("$published", Iso(local)), ("$utc", utc), ("$week", week));
            await article.ExecuteNonQueryAsync(ct);
            var roll = random.NextDouble();
            var picked = roll < 0.25 ? 0 : roll < 0.85 ? 1 : 2;
            var first = random.Next(themes.Length);
            for (var k = 0; k < picked; k++)
            {
                Set(tag, ("$id", id), ("$theme", themes[(first + k) % themes.Length]), ("$outlet", outlet), ("$section", section),
                    ("$day", CoverageRules.Key(day)), ("$week", week), ("$month", CoverageRules.Key(day)[..7]));
                await tag.ExecuteNonQueryAsync(ct);
                tags++;
            }
        }

        await tx.CommitAsync(ct);
        return tags;
    }

    // Bench data writes the store's tables directly (schema steps 1-2), so it moves with the schema.
    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static void Set(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }
    }
}
