using Microsoft.Data.Sqlite;

namespace Monitor.Storage;

/// <summary>The database schema, versioned by PRAGMA user_version; each step runs once, in order.</summary>
internal static class Schema
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL,
            outlet TEXT NOT NULL,
            section TEXT,
            title TEXT NOT NULL,
            description TEXT,
            text TEXT NOT NULL,
            published TEXT,
            published_utc INTEGER,
            week TEXT,
            modified TEXT,
            author TEXT,
            language TEXT,
            fetched_at TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            stored_at TEXT NOT NULL,
            changed_at TEXT
        );
        CREATE INDEX articles_outlet_week ON articles(outlet, week);
        CREATE INDEX articles_published ON articles(published_utc);
        CREATE TABLE article_changes (
            article_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            previous_hash TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            previous_title TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            PRIMARY KEY (article_id, version)
        );
        -- Folded text (ARCHITECTURE.md): unicode61 does not fold đ, so the store folds before indexing.
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        CREATE TABLE tags (
            article_id TEXT NOT NULL,
            plan_id TEXT NOT NULL,
            plan_version INTEGER NOT NULL,
            theme_code TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            tagged_at TEXT NOT NULL,
            PRIMARY KEY (article_id, plan_id, theme_code)
        );
        CREATE INDEX tags_plan_theme ON tags(plan_id, theme_code);
        CREATE TABLE article_references (
            article_id TEXT NOT NULL,
            number TEXT NOT NULL,
            PRIMARY KEY (article_id, number)
        );
        CREATE TABLE plans (
            plan_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            body TEXT NOT NULL,
            loaded_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, version)
        );
        CREATE TABLE frontier (
            url TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            article_id TEXT,
            first_seen TEXT NOT NULL,
            last_fetched TEXT,
            status TEXT NOT NULL
        );
        CREATE TABLE source_health (
            source TEXT PRIMARY KEY,
            last_attempt TEXT,
            last_success TEXT,
            last_error TEXT,
            last_error_at TEXT,
            errors INTEGER NOT NULL DEFAULT 0,
            articles_found INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE queue (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            topic TEXT NOT NULL,
            key TEXT NOT NULL,
            payload TEXT NOT NULL,
            enqueued_at TEXT NOT NULL
        );
        CREATE INDEX queue_topic ON queue(topic, seq);
        CREATE TABLE deadletter (
            seq INTEGER PRIMARY KEY,
            topic TEXT NOT NULL,
            key TEXT NOT NULL,
            payload TEXT NOT NULL,
            error TEXT NOT NULL,
            failed_at TEXT NOT NULL
        );
        """,
        // Step 2, coverage analytics: tags carry what coverage queries filter and group on (outlet, section, the
        // published day in Asia/Ho_Chi_Minh, its ISO week and month), kept by triggers so every writer stays correct.
        """
        ALTER TABLE tags ADD COLUMN outlet TEXT;
        ALTER TABLE tags ADD COLUMN section TEXT;
        ALTER TABLE tags ADD COLUMN day TEXT;
        ALTER TABLE tags ADD COLUMN week TEXT;
        ALTER TABLE tags ADD COLUMN month TEXT;
        -- Which outlet a source feeds; when null, coverage infers it from the source's fetched articles.
        ALTER TABLE source_health ADD COLUMN outlet TEXT;
        UPDATE tags SET (outlet, section, day, week) =
            (SELECT a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.week FROM articles a WHERE a.id = tags.article_id);
        UPDATE tags SET month = substr(day, 1, 7);
        CREATE TRIGGER tags_denormalise AFTER INSERT ON tags WHEN NEW.day IS NULL
        BEGIN
            UPDATE tags SET (outlet, section, day, week, month) =
                (SELECT a.outlet, a.section, date(a.published_utc / 1000 + 25200, 'unixepoch'), a.week,
                        substr(date(a.published_utc / 1000 + 25200, 'unixepoch'), 1, 7)
                 FROM articles a WHERE a.id = NEW.article_id)
            WHERE rowid = NEW.rowid;
        END;
        CREATE TRIGGER articles_denormalise_tags AFTER UPDATE OF outlet, section, published_utc, week ON articles
        BEGIN
            UPDATE tags SET outlet = NEW.outlet, section = NEW.section, day = date(NEW.published_utc / 1000 + 25200, 'unixepoch'),
                week = NEW.week, month = substr(date(NEW.published_utc / 1000 + 25200, 'unixepoch'), 1, 7)
            WHERE article_id = NEW.id;
        END;
        CREATE INDEX tags_theme_day ON tags(plan_id, theme_code, day, outlet, week, month, section, article_id);
        -- tags_theme_day starts with the same columns: one index less to write per tag.
        DROP INDEX tags_plan_theme;
        -- Articles per plan, theme, Vietnamese day and outlet, kept by triggers on tags: coverage and gaps read these
        -- few thousand rows instead of a million tags.
        CREATE TABLE tag_days (
            plan_id TEXT NOT NULL,
            theme_code TEXT NOT NULL,
            day TEXT NOT NULL,
            outlet TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (plan_id, theme_code, day, outlet)
        ) WITHOUT ROWID;
        INSERT INTO tag_days (plan_id, theme_code, day, outlet, articles)
            SELECT plan_id, theme_code, day, outlet, COUNT(*) FROM tags WHERE day IS NOT NULL AND outlet IS NOT NULL GROUP BY 1, 2, 3, 4;
        CREATE TRIGGER tag_days_insert AFTER INSERT ON tags WHEN NEW.day IS NOT NULL AND NEW.outlet IS NOT NULL
        BEGIN
            INSERT INTO tag_days (plan_id, theme_code, day, outlet, articles) VALUES (NEW.plan_id, NEW.theme_code, NEW.day, NEW.outlet, 1)
                ON CONFLICT DO UPDATE SET articles = articles + 1;
        END;
        CREATE TRIGGER tag_days_delete AFTER DELETE ON tags WHEN OLD.day IS NOT NULL AND OLD.outlet IS NOT NULL
        BEGIN
            UPDATE tag_days SET articles = articles - 1
                WHERE plan_id = OLD.plan_id AND theme_code = OLD.theme_code AND day = OLD.day AND outlet = OLD.outlet;
            DELETE FROM tag_days WHERE plan_id = OLD.plan_id AND theme_code = OLD.theme_code AND day = OLD.day AND outlet = OLD.outlet AND articles <= 0;
        END;
        CREATE TRIGGER tag_days_update AFTER UPDATE OF plan_id, theme_code, day, outlet ON tags
        BEGIN
            UPDATE tag_days SET articles = articles - 1
                WHERE OLD.day IS NOT NULL AND plan_id = OLD.plan_id AND theme_code = OLD.theme_code AND day = OLD.day AND outlet = OLD.outlet;
            DELETE FROM tag_days WHERE plan_id = OLD.plan_id AND theme_code = OLD.theme_code AND day = OLD.day AND outlet = OLD.outlet AND articles <= 0;
            INSERT INTO tag_days (plan_id, theme_code, day, outlet, articles)
                SELECT NEW.plan_id, NEW.theme_code, NEW.day, NEW.outlet, 1 WHERE NEW.day IS NOT NULL AND NEW.outlet IS NOT NULL
                ON CONFLICT DO UPDATE SET articles = articles + 1;
        END;
        CREATE INDEX tags_outlet_day ON tags(plan_id, outlet, day, theme_code, section, article_id);
        CREATE INDEX articles_outlet_published ON articles(outlet, published_utc);
        """,
        // Step 3, crawler: frontier details for revisits and health, host pauses, conditional GET, crawl events
        // (errors by kind, extraction failures), SimHash fingerprints and near-duplicate links.
        """
        ALTER TABLE frontier ADD COLUMN published_utc INTEGER;
        ALTER TABLE frontier ADD COLUMN content_hash TEXT;
        ALTER TABLE frontier ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX frontier_source_status ON frontier(source, status);
        CREATE TABLE host_health (
            host TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            paused_until TEXT,
            last_error TEXT,
            last_failure_at TEXT
        );
        CREATE TABLE http_validators (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            checked_at TEXT NOT NULL
        );
        CREATE TABLE crawl_events (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            message TEXT
        );
        CREATE INDEX crawl_events_source ON crawl_events(source, at);
        CREATE TABLE fingerprints (
            article_id TEXT PRIMARY KEY,
            outlet TEXT NOT NULL,
            simhash INTEGER NOT NULL,
            published_utc INTEGER NOT NULL
        );
        CREATE INDEX fingerprints_published ON fingerprints(published_utc);
        CREATE TABLE near_duplicates (
            article_id TEXT NOT NULL,
            duplicate_of TEXT NOT NULL,
            distance INTEGER NOT NULL,
            found_at TEXT NOT NULL,
            PRIMARY KEY (article_id, duplicate_of)
        );
        """,
        // Step 4, dashboard: users of the web role (Identity's password hash, lockout counters), the outlets an editor
        // is bound to, and analyst feedback on tags. Feedback is a history; the latest row per (plan, article, theme)
        // is the decision. A rejected theme is never stored again by any writer (a re-tag, a changed article), so every
        // count built on tags (tag_days, quotas, stories) leaves it out; confirmed and added themes are put back by
        // ArticleWriter.ReplaceTagsAsync and by the feedback store itself.
        """
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'editor', 'leader')),
            password_hash TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE user_outlets (
            user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            outlet TEXT NOT NULL,
            PRIMARY KEY (user_name, outlet)
        );
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            plan_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            theme_code TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'rejected', 'added')),
            reason TEXT,
            user_name TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX feedback_decision ON feedback(plan_id, article_id, theme_code, id);
        CREATE TRIGGER tags_feedback_rejected BEFORE INSERT ON tags
        WHEN (SELECT verdict FROM feedback WHERE plan_id = NEW.plan_id AND article_id = NEW.article_id AND theme_code = NEW.theme_code
              ORDER BY id DESC LIMIT 1) = 'rejected'
        BEGIN
            SELECT RAISE(IGNORE);
        END;
        """,
        // Step 5, summaries: weekly summaries delivered by e-mail (an undelivered one is retried by the next run) and quota
        // reminders sent (never twice for one quota, outlet and period).
        """
        CREATE TABLE summary_deliveries (
            plan_id TEXT NOT NULL,
            week TEXT NOT NULL,
            recipients TEXT NOT NULL,
            delivered_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, week)
        );
        CREATE TABLE quota_reminders (
            plan_id TEXT NOT NULL,
            quota INTEGER NOT NULL,
            outlet TEXT NOT NULL,
            period_start TEXT NOT NULL,
            recipients TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            PRIMARY KEY (plan_id, quota, outlet, period_start)
        );
        """,
        // Step 6, grades (issue 14): tags hold what counts toward coverage (primary, partial); a passing mention sits in
        // tag_mentions, so every count over tags, its triggers and tag_days leave mentions out without a filter.
        """
        ALTER TABLE tags ADD COLUMN grade TEXT NOT NULL DEFAULT 'primary';
        CREATE TABLE tag_mentions (
            article_id TEXT NOT NULL,
            plan_id TEXT NOT NULL,
            plan_version INTEGER NOT NULL,
            theme_code TEXT NOT NULL,
            score REAL NOT NULL,
            evidence TEXT NOT NULL,
            tagged_at TEXT NOT NULL,
            PRIMARY KEY (article_id, plan_id, theme_code)
        );
        CREATE INDEX tag_mentions_plan_theme ON tag_mentions(plan_id, theme_code);
        """,
        // Step 7, plan drafts (dashboard Kế hoạch page): an uploaded directive's text and the importer's proposal, kept
        // until an analyst saves it as a plan version (saved_version), so a bad upload or a closed tab loses nothing.
        """
        CREATE TABLE plan_drafts (
            id INTEGER PRIMARY KEY,
            plan_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            directive_text TEXT NOT NULL,
            body TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            saved_version INTEGER
        );
        CREATE INDEX plan_drafts_plan ON plan_drafts(plan_id);
        """,
        // Step 8: reserved for pages.
        "-- reserved for pages",
        // Step 9, learning from feedback (issue 14 items 4 and 5): one relevance model per plan (the latest training, with
        // the plan version and the number of decisions it learnt from; revision moves only when the model changed, so
        // taggers reload it only then) and the language model's cached second opinions per (article content, plan
        // version, theme).
        """
        CREATE TABLE relevance_models (
            plan_id TEXT PRIMARY KEY,
            plan_version INTEGER NOT NULL,
            feedback_count INTEGER NOT NULL,
            model TEXT NOT NULL,
            trained_at TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE second_opinions (
            content_hash TEXT NOT NULL,
            plan_id TEXT NOT NULL,
            plan_version INTEGER NOT NULL,
            theme_code TEXT NOT NULL,
            relevant INTEGER NOT NULL,
            answer TEXT NOT NULL,
            asked_at TEXT NOT NULL,
            PRIMARY KEY (content_hash, plan_id, plan_version, theme_code)
        );
        """,
        "-- reserved for events (step 10)",
        "-- reserved for hardening (step 11)",
        "-- reserved for engines (step 12)",
        // Step 13, speed (docs/measurements.md, bench dashboard and summary): the outlet index of step 2 reordered so that,
        // inside one outlet and day, a plan's tags come in article order. An article has one outlet and one day, so a
        // range of days read outlet by outlet comes out ordered by (outlet, day, article): "distinct articles of the plan
        // in these days" (the overview's week tiles, quotas' counted articles, the summary's week before and its
        // citations) is one pass with no temporary B-tree of 60,000 ids, about ten times faster. Same columns as the
        // index it replaces, so no more to write per tag.
        """
        DROP INDEX tags_outlet_day;
        CREATE INDEX tags_outlet_article ON tags(plan_id, outlet, day, article_id, theme_code, section);
        """,
        "-- reserved for overview (step 14)",
        // Step 15, dashboard (issue 13): who saved each plan version (the editor's refused save names them), and the
        // re-tags started from the Kế hoạch page, kept in the store so a restarted or another web process shows them. A
        // running job's heartbeat tells a live run from one its process left behind (RetagJobStore). At most one running
        // job per plan, across processes.
        """
        ALTER TABLE plans ADD COLUMN saved_by TEXT;
        CREATE TABLE retag_jobs (
            id INTEGER PRIMARY KEY,
            plan_id TEXT NOT NULL,
            plan_version INTEGER NOT NULL,
            started_by TEXT NOT NULL,
            started_at TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('running', 'done', 'failed', 'interrupted')),
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            heartbeat_at TEXT NOT NULL,
            finished_at TEXT,
            message TEXT
        );
        CREATE INDEX retag_jobs_plan ON retag_jobs(plan_id, id);
        CREATE UNIQUE INDEX retag_jobs_running ON retag_jobs(plan_id) WHERE state = 'running';
        """,
        // Step 16, the language model's daily budget per deployment (issue 14 item 5): the questions the long-running
        // taggers (the embedded worker, every Kafka tagger process) sent on each Vietnamese day, reserved one statement at
        // a time before each question, so N processes over one data directory never send more than one budget a day.
        """
        CREATE TABLE second_opinion_days (
            day TEXT PRIMARY KEY,
            used INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // Step 17, the review queue "Cần xem xét" (issue 14 item 4): the learnt model's probability for a pair, stored with
        // the tag as the tagger computed it (null without a model for the theme), so the queue can rank counted hits near
        // the demote line and mentions near the promote line without re-applying the model.
        """
        ALTER TABLE tags ADD COLUMN relevance REAL;
        ALTER TABLE tag_mentions ADD COLUMN relevance REAL;
        """,
        // Step 18, the review queue at scale (ReviewCandidates): each theme's pairs in doubt order, read from the front
        // of an index range instead of every partial hit and mention ranked per request. Without a probability the doubt
        // follows the score clamped to [threshold, 3 × threshold] (1.0 and 3.0: ReviewQueue.Threshold); with one, the
        // probability. The tags' outlet rides along so the outlet filters and the count read the index alone.
        """
        CREATE INDEX tags_review ON tags(plan_id, theme_code, grade, min(max(score, 1.0), 3.0), article_id, outlet) WHERE relevance IS NULL;
        CREATE INDEX tags_review_learnt ON tags(plan_id, theme_code, relevance, article_id, outlet) WHERE relevance IS NOT NULL;
        CREATE INDEX tag_mentions_review ON tag_mentions(plan_id, theme_code, min(max(score, 1.0), 3.0), article_id) WHERE relevance IS NULL;
        CREATE INDEX tag_mentions_review_learnt ON tag_mentions(plan_id, theme_code, relevance, article_id) WHERE relevance IS NOT NULL;
        """,
    ];

    /// <param name="upTo">How many steps to bring the database to; tests stop early to migrate an older database.</param>
    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken ct, int upTo = int.MaxValue)
    {
        var version = await connection.ScalarAsync<long>("PRAGMA user_version", ct);
        for (var step = (int)version; step < Math.Min(upTo, Steps.Length); step++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            // Another process may have applied this step while we waited for the lock.
            if (await connection.ScalarAsync<long>("PRAGMA user_version", ct, tx) > step)
            {
                continue;
            }

            await connection.ExecuteAsync(Steps[step], ct, tx);
            await connection.ExecuteAsync($"PRAGMA user_version = {step + 1}", ct, tx);
            await tx.CommitAsync(ct);
        }
    }
}
