using System.Globalization;
using LinkagePortal.Hosting;
using LinkagePortal.Rendering;
using Microsoft.AspNetCore.OutputCaching;

namespace LinkagePortal.Disclosure;

/// <summary>
/// Computes the status of every disclosable record (documents, allocations, projects, announcements, performance
/// targets) and of the hand-off deadlines, and adds them up per county, prefecture and region. Embargoed records are
/// counted (an unpublished record past its due date is exactly what the audit is for) but never described. Every
/// record is judged on both clocks in one pass (calendar days, 伽师县's practice; working days, the national 条例).
/// The reports are kept until the embargo state, the data or the Beijing date changes; then one computation runs in the background
/// (<see cref="TimelinessRefresh"/> starts it within seconds, or the first reader does), shared by every reader: on a
/// low-priority thread of its own (<see cref="Hosting.LowPriority"/>) unless a reader who waits for it starts it. A page that only sums the report up (a region's)
/// does not wait for it and is given the previous report; the audit's own page and API wait at most
/// <see cref="FreshWait"/>. When the new report is in, the pages that showed the whole previous one are evicted, and of
/// the region pages only those whose area's summary it changed (tags <see cref="PageCache.TimelinessTagOf"/>), or all of
/// them when its date or window moved (<see cref="PageCache.TimelinessTag"/>). Only the very first report after start is
/// waited for: whole by the audit's own page, at most <see cref="DisclosureOptions.FirstReportWait"/> by a region's.
/// </summary>
public sealed class TimelinessAudit(Db db, TimeProvider clock, EmbargoBoundary embargo, DeadlineCalculator calculator, DeadlineRules rules,
    DisclosureOptions options, IOutputCacheStore cache, LowPriority lowPriority, ILogger<TimelinessAudit> logger) : IBackgroundWork
{
    /// <summary>How long the audit's own page waits for a report being computed before it is given the previous one.</summary>
    public static readonly TimeSpan FreshWait = TimeSpan.FromSeconds(1);

    const string Regions = $"{RegionRecords.Select} {RegionRecords.From} WHERE r.level IN ('province', 'prefecture', 'county')";

    // Every document, embargoed ones too: the records' columns without their public rule.
    const string Documents = $"{DocumentRecords.Select} {DocumentRecords.From}";

    // An allocation without dates of its own takes its document's; it is public only once its document is too.
    const string Allocations = """
        SELECT a.document_id AS DocumentId, a.region_code, a.region_name_printed AS RegionName, a.task AS Task,
               a.arose_on, a.published_at, d.arose_on AS ParentAroseOn, d.published_at AS ParentPublishedAt
        FROM allocations a JOIN documents d ON d.id = a.document_id
        """;

    const string Projects = """
        SELECT code AS Code, name AS Name, county_code, arose_on, published_at, published_via
        FROM projects
        """;

    const string Announcements = """
        SELECT id, title, county_code, arose_on, published_at, signed_on, published_via
        FROM announcements
        """;

    // A target belongs to a document, a project or both: it takes their dates when it has none, and is public only
    // when they are.
    const string Targets = """
        SELECT t.document_id AS DocumentId, p.code AS ProjectCode, p.county_code, t.level2 AS Level2, t.level3 AS Level3,
               t.arose_on, t.published_at,
               COALESCE(d.arose_on, p.arose_on) AS ParentAroseOn, d.published_at AS ParentPublishedAt, p.published_at AS ProjectPublishedAt
        FROM performance_targets t
        LEFT JOIN documents d ON d.id = t.document_id
        LEFT JOIN projects p ON p.id = t.project_id
        """;

    // Which level issued an allocation document: the region prints a whole-table total (65), a prefecture its own total.
    const string DocumentTotals = """
        SELECT DISTINCT t.document_id AS DocumentId, t.region_code, r.level
        FROM allocation_totals t JOIN regions r ON r.code = t.region_code
        WHERE r.level IN ('province', 'prefecture')
        """;

    const string AllocatedTo = "SELECT DISTINCT document_id AS DocumentId, region_code FROM allocations";

    // The documents each public project is funded by: a county's projects name the document that brought the funds
    // down and the county's own document that detailed them.
    const string ProjectFunds = $"""
        SELECT p.id AS ProjectId, p.county_code, f.document_id AS DocumentId
        FROM projects p JOIN project_funds f ON f.project_id = p.id
        WHERE {Public.Projects}
        ORDER BY p.id
        """;

    /// <summary>The tables the audit checks, with their Chinese names: the items' kinds and the CSV's documented values.</summary>
    public static readonly Terms Kinds = new(
        new("documents", "文件"), new("allocations", "分配表"), new("projects", "项目"), new("announcements", "公告公示"), new("performance_targets", "绩效目标"));

    sealed record Kept(string Key, DisclosureClocks Clocks);

    readonly Lock gate = new();
    Kept? last;

    // The newest report asked for (numbered in the order asked), and the one computation under way: at most one runs at
    // a time (see OneAtATimeAsync).
    (long Number, string Key, Task<DisclosureClocks> Clocks)? asked;
    long asks;
    Task? computing;

    int computations;
    int atOnce;
    int mostAtOnce;

    /// <summary>How many reports this node has computed (each shared by all who asked while it ran).</summary>
    public int Computations => Volatile.Read(ref computations);

    /// <summary>The most computations this node has had running at once (one, by design).</summary>
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    /// <summary>The report on the configured clock (<c>Disclosure:DayCount</c>), as the audit's page shows it.</summary>
    public async Task<TimelinessReport> ReportAsync(CancellationToken cancellationToken = default) =>
        (await ClocksAsync(cancellationToken)).Of(options.DayCount);

    /// <summary>
    /// The report on the configured clock for a region's summary: the latest one computed, without waiting for a newer
    /// one being computed (its page is evicted when that is in). Before this node's very first report it waits at most
    /// <see cref="DisclosureOptions.FirstReportWait"/>, then gives null: at 1M projects a report takes some 18 s, which the first page after a
    /// start waited for whole.
    /// </summary>
    public async Task<TimelinessReport?> LatestReportAsync(CancellationToken cancellationToken = default)
    {
        var (key, now) = await KeyAsync(cancellationToken);
        if (last is { } kept)
        {
            if (kept.Key != key)
            {
                _ = Start(key, now, waitedFor: false);
            }

            return kept.Clocks.Of(options.DayCount);
        }

        var first = Start(key, now, waitedFor: false);
        await Task.WhenAny(first, Task.Delay(options.FirstReportWait, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return first.IsCompletedSuccessfully ? first.Result.Of(options.DayCount) : null;
    }

    /// <summary>
    /// The reports on both clocks, as /disclosure and its API show them side by side: the current ones, or the previous
    /// ones while the current ones take longer than <see cref="FreshWait"/>.
    /// </summary>
    public async Task<DisclosureClocks> ClocksAsync(CancellationToken cancellationToken = default)
    {
        var (key, now) = await KeyAsync(cancellationToken);
        if (last is { } kept && kept.Key == key)
        {
            return kept.Clocks;
        }

        var computing = Start(key, now, waitedFor: true);
        if (last is not { } previous)
        {
            return await computing.WaitAsync(cancellationToken);
        }

        await Task.WhenAny(computing, Task.Delay(FreshWait, cancellationToken));
        return computing.IsCompletedSuccessfully ? computing.Result : previous.Clocks;
    }

    /// <summary>The reports for a response: which is then cached under <see cref="PageCache.TimelinessReportTag"/> too.</summary>
    public Task<DisclosureClocks> ClocksAsync(HttpContext http)
    {
        PageCache.AlsoTag(http, PageCache.TimelinessTag);
        PageCache.AlsoTag(http, PageCache.TimelinessReportTag);
        return ClocksAsync(http.RequestAborted);
    }

    /// <summary>The configured clock's report for a response, tagged as <see cref="ClocksAsync(HttpContext)"/>.</summary>
    public async Task<TimelinessReport> ReportAsync(HttpContext http) => (await ClocksAsync(http)).Of(options.DayCount);

    /// <summary>Whether the report kept is that of the present data, embargo state and date.</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken = default) => last?.Key == (await KeyAsync(cancellationToken)).Key;

    /// <summary>Starts computing the reports in the background when the data, the embargo state or the date has moved on.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var (key, now) = await KeyAsync(cancellationToken);
        if (last?.Key != key)
        {
            await Start(key, now, waitedFor: false);
        }
    }

    async Task<(string Key, DateTimeOffset Now)> KeyAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = await embargo.CurrentAsync(cancellationToken);
        return (state.Stamp + "|" + DeadlineCalculator.BeijingDate(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now);
    }

    /// <summary>The computation for <paramref name="key"/>: the one already asked for, or a new one.</summary>
    Task<DisclosureClocks> Start(string key, DateTimeOffset now, bool waitedFor)
    {
        lock (gate)
        {
            if (asked is { } current && current.Key == key && !current.Clocks.IsFaulted && !current.Clocks.IsCanceled)
            {
                return current.Clocks;
            }

            var number = ++asks;
            Func<Task<DisclosureClocks>> work = () => OneAtATimeAsync(number, key, now);

            // A report someone waits for (the very first one, or one the audit's own page asked for first) runs at
            // normal priority; one that only the background or a region's summary asked for, at the lowest.
            var clocks = last is null || waitedFor ? Task.Run(work) : lowPriority.RunAsync("timeliness report", work);
            asked = (number, key, clocks);
            return clocks;
        }
    }

    /// <summary>
    /// Computes report <paramref name="number"/> once no other computation runs, unless a newer one has been asked for
    /// meanwhile: then its readers are given the newer one, which is not older than what they asked for. At 1M projects
    /// a report takes longer than imports may come; run side by side, the superseded ones only slowed the current one
    /// and every request beside them, and one finishing late replaced a newer report.
    /// </summary>
    async Task<DisclosureClocks> OneAtATimeAsync(long number, string key, DateTimeOffset now)
    {
        while (true)
        {
            Task<DisclosureClocks>? newer = null;
            Task? busy = null;
            TaskCompletionSource? mine = null;
            lock (gate)
            {
                if (asked is { } latest && latest.Number != number)
                {
                    newer = latest.Clocks;
                }
                else if (computing is { } other)
                {
                    busy = other;
                }
                else
                {
                    mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    computing = mine.Task;
                }
            }

            if (newer is not null)
            {
                return await newer;
            }

            if (busy is not null)
            {
                await busy;
                continue;
            }

            try
            {
                lock (gate)
                {
                    mostAtOnce = Math.Max(mostAtOnce, ++atOnce);
                }

                return await ComputeAndKeepAsync(key, now);
            }
            finally
            {
                lock (gate)
                {
                    atOnce--;
                    computing = null;
                }

                mine!.SetResult();
            }
        }
    }

    async Task<DisclosureClocks> ComputeAndKeepAsync(string key, DateTimeOffset now)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var clocks = await ComputeAsync(now, CancellationToken.None);
        Interlocked.Increment(ref computations);
        logger.LogInformation("Timeliness report computed in {Milliseconds} ms", timer.ElapsedMilliseconds);
        var previous = last;
        last = new Kept(key, clocks);
        if (previous is not null)
        {
            await EvictChangedAsync(previous.Clocks.Of(options.DayCount), clocks.Of(options.DayCount));
        }
        else
        {
            // Region pages rendered while the first report was computed say so (they are not stored, but one may have
            // been stored just before it was in).
            await cache.EvictByTagAsync(PageCache.TimelinessTag, CancellationToken.None);
        }

        return clocks;
    }

    /// <summary>
    /// Evicts the pages that show the whole report, and the region pages whose summary differs between the two reports:
    /// all of them when the summary of an area with nothing placed there differs (the date or the window moved).
    /// </summary>
    async Task EvictChangedAsync(TimelinessReport before, TimelinessReport after)
    {
        static string Summary(TimelinessReport report, string code) => System.Text.Json.JsonSerializer.Serialize(DisclosureViews.SummaryOf(report, code, ""));

        if (Summary(before, "") != Summary(after, ""))
        {
            await cache.EvictByTagAsync(PageCache.TimelinessTag, CancellationToken.None);
            return;
        }

        await cache.EvictByTagAsync(PageCache.TimelinessReportTag, CancellationToken.None);
        static IEnumerable<string> Areas(TimelinessReport report) => report.Prefectures.Concat(report.Counties).Select(a => a.Code).Append(report.Region.Code);
        foreach (var code in Areas(before).Union(Areas(after)).Where(code => Summary(before, code) != Summary(after, code)))
        {
            await cache.EvictByTagAsync(PageCache.TimelinessTagOf(code), CancellationToken.None);
        }
    }

    /// <summary>What one clock gathers while the records stream past.</summary>
    sealed class Tally(DeadlineCalculator calculator, DeadlineRule rule, int days, Places places)
    {
        public DeadlineCalculator Calculator { get; } = calculator;
        public DeadlineRule Rule { get; } = rule;
        public int Days { get; } = days;
        public Areas Areas { get; } = new(places);
        public List<(TimelinessItem Item, string Sort)> Late { get; } = [];
        public List<(TimelinessItem Item, string Sort)> Overdue { get; } = [];
        public Dictionary<(string Kind, string Reason), int> CannotTell { get; } = [];
    }

    async Task<DisclosureClocks> ComputeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var regions = (await connection.QueryAsync<RegionRecord>(Regions)).ToDictionary(r => r.Code);
        var places = new Places(regions);
        var tallies = new[] { DayCount.Calendar, DayCount.Working }
            .Select(count => new Tally(calculator.Counting(count), rules.Publication(count), rules.PublicationDays(options, count), places)).ToArray();
        var documents = (await connection.QueryAsync<DocumentRecord>(Documents)).ToList();
        var documentLabels = documents.ToDictionary(d => d.Id, d => d.Number ?? d.Title);
        var issuers = documents.ToDictionary(d => d.Id, d => d.Issuer);

        // Records are read as a stream and only counted; just the late and overdue ones are kept, and only a late one
        // (public by definition) is described, so memory does not grow with the number of projects. A record that
        // cannot be judged is counted under its reason, so the page can say why. A record published through the portal has
        // the server's publication time (verified), the others a printed one.
        void Record(string kind, Place place, DateTime? arose, DateTime? published, Func<(string Title, string Url)> describe, string? unstatedWhy = null, string? publishedVia = null)
        {
            foreach (var tally in tallies)
            {
                Judge(tally, kind, place, arose, published, describe, unstatedWhy, publishedVia);
            }
        }

        void Judge(Tally tally, string kind, Place place, DateTime? arose, DateTime? published, Func<(string Title, string Url)> describe, string? unstatedWhy, string? publishedVia)
        {
            var deadline = tally.Calculator.Publication(arose is { } a ? DateOnly.FromDateTime(a) : null,
                published is { } p ? DateTime.SpecifyKind(p, DateTimeKind.Utc) : null, tally.Days, now);
            tally.Areas.Publication(place).Add(deadline.State);
            if (deadline.State == DisclosureState.CannotTell)
            {
                var why = (Kinds.Label(kind), arose is null && published is null && unstatedWhy is not null ? unstatedWhy : deadline.Reason ?? "");
                tally.CannotTell[why] = tally.CannotTell.GetValueOrDefault(why) + 1;
            }

            if (deadline.State is not (DisclosureState.Late or DisclosureState.Overdue))
            {
                return;
            }

            string? title = null, url = null;
            if (deadline.State == DisclosureState.Late)
            {
                (title, url) = describe();
            }

            var item = new TimelinessItem
            {
                Kind = kind,
                Title = title,
                Url = url,
                PrefectureCode = place.Prefecture,
                CountyCode = place.County,
                PlaceName = places.Name(place),
                Deadline = deadline,
                VerifiedTime = publishedVia == "portal",
            };
            (deadline.State == DisclosureState.Late ? tally.Late : tally.Overdue).Add((item, place.County ?? place.Prefecture ?? ""));
        }

        foreach (var d in documents)
        {
            Record("documents", places.OfIssuer(d.Issuer), d.AroseOn, d.PublishedAt, () => (d.Number ?? d.Title, "/documents/" + d.Id));
        }

        await foreach (var a in connection.QueryUnbufferedAsync<DatedRow>(Allocations).WithCancellation(cancellationToken))
        {
            Record("allocations", places.OfRegion(a.RegionCode!), a.AroseOn ?? a.ParentAroseOn, Latest(a.PublishedAt, a.ParentPublishedAt),
                () => ($"{documentLabels[a.DocumentId!]} · {a.RegionName} · {a.Task}", "/documents/" + a.DocumentId));
        }

        await foreach (var p in connection.QueryUnbufferedAsync<DatedRow>(Projects).WithCancellation(cancellationToken))
        {
            Record("projects", places.OfRegion(p.CountyCode!), p.AroseOn, p.PublishedAt, () => ($"{p.Name}（{p.Code}）", "/projects/" + p.Code), unstatedWhy: null, publishedVia: p.PublishedVia);
        }

        await foreach (var a in connection.QueryUnbufferedAsync<DatedRow>(Announcements).WithCancellation(cancellationToken))
        {
            Record("announcements", places.OfRegion(a.CountyCode!), a.AroseOn, a.PublishedAt, () => (a.Title!, "/announcements/" + a.Id),
                a.SignedOn is { } signed ? $"只印有落款日期（{Dates.Chinese(signed)}），未载明信息产生日期和公开时间" : null, a.PublishedVia);
        }

        await foreach (var t in connection.QueryUnbufferedAsync<DatedRow>(Targets).WithCancellation(cancellationToken))
        {
            var place = t.CountyCode is { } county ? places.OfRegion(county) : places.OfIssuer(issuers[t.DocumentId!]);
            Record("performance_targets", place, t.AroseOn ?? t.ParentAroseOn, Latest(Latest(t.PublishedAt, t.ParentPublishedAt), t.ProjectPublishedAt),
                () => ($"{(t.DocumentId is { } doc ? documentLabels[doc] : t.ProjectCode)} · {t.Level2}{(t.Level3 is { } l3 ? " · " + l3 : "")}",
                    t.ProjectCode is { } code ? "/projects/" + code : "/documents/" + t.DocumentId));
        }

        var chains = await ChainsAsync(connection, documents, places, tallies.Select(t => t.Calculator).ToList(), now, cancellationToken);
        var labels = documents.Where(d => d.PublishedAt is null || DateTime.SpecifyKind(d.PublishedAt.Value, DateTimeKind.Utc) <= now.UtcDateTime)
            .ToDictionary(d => d.Id, d => d.Number ?? d.Title);
        var reports = tallies.Select((tally, i) =>
        {
            foreach (var item in chains[i].SelectMany(c => c.Items))
            {
                tally.Areas.Chain(new Place(item.PrefectureCode, item.CountyCode)).Add(item.Deadline.State);
            }

            var (region, prefectures, counties) = tally.Areas.Build();
            return new TimelinessReport
            {
                AsOf = DeadlineCalculator.BeijingDate(now),
                DayCount = tally.Calculator.DayCount,
                PublicationDays = tally.Days,
                PublicationRule = tally.Rule,
                Rules = rules.All,
                Region = region,
                Prefectures = prefectures,
                Counties = counties,
                Late = tally.Late.OrderByDescending(i => i.Item.Deadline.DaysLate).ThenBy(i => i.Sort, StringComparer.Ordinal).Select(i => i.Item).ToList(),
                Overdue = tally.Overdue.OrderBy(i => i.Item.Deadline.DueOn).ThenBy(i => i.Sort, StringComparer.Ordinal).Select(i => i.Item).ToList(),
                Chains = chains[i],
                CannotTellReasons = tally.CannotTell.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Kind, StringComparer.Ordinal)
                    .ThenBy(r => r.Key.Reason, StringComparer.Ordinal).Select(r => new CannotTellReason(r.Key.Kind, r.Key.Reason, r.Value)).ToList(),
                DocumentLabels = labels,
            };
        }).ToArray();
        return new DisclosureClocks(reports[0], reports[1]);
    }

    static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// The hand-off deadlines. Pass-down: each region allocation document × each prefecture it allocates to, ending at
    /// the prefecture's document passing those funds down (when a project names both). Detail: each allocation
    /// document × each county it allocates to, from the date the funds reached the county to the county's own
    /// document named by its projects. Only public documents and projects give dates.
    /// </summary>
    async Task<IReadOnlyList<ChainRuleReport>[]> ChainsAsync(System.Data.Common.DbConnection connection, List<DocumentRecord> documents, Places places,
        IReadOnlyList<DeadlineCalculator> calculators, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowUtc = now.UtcDateTime;
        var visible = documents.Where(d => d.PublishedAt is null || DateTime.SpecifyKind(d.PublishedAt.Value, DateTimeKind.Utc) <= nowUtc)
            .ToDictionary(d => d.Id);
        var totals = (await connection.QueryAsync<TotalRow>(DocumentTotals)).Where(t => visible.ContainsKey(t.DocumentId)).ToList();
        var regionDocuments = totals.Where(t => t.Level == "province").Select(t => t.DocumentId)
            .Where(id => visible[id].Kind == "allocation").ToHashSet();
        var prefectureDocuments = totals.Where(t => t.Level == "prefecture" && !totals.Any(o => o.DocumentId == t.DocumentId && o.Level == "province"))
            .GroupBy(t => t.DocumentId).Where(g => visible[g.Key].Kind == "allocation").ToDictionary(g => g.Key, g => g.First().RegionCode);
        var allocatedTo = (await connection.QueryAsync<TotalRow>(AllocatedTo)).Where(a => visible.ContainsKey(a.DocumentId)).ToList();
        var allocatesTo = allocatedTo.Select(a => (a.DocumentId, a.RegionCode)).ToHashSet();

        // The distinct sets of fund documents that public projects name, per county (streamed: many projects, few sets).
        var combinations = new HashSet<(string County, string Documents)>();
        var current = (Project: -1L, County: "", Documents: new List<string>());
        void Flush()
        {
            if (current.Documents.Count > 0)
            {
                combinations.Add((current.County, string.Join(';', current.Documents.Order(StringComparer.Ordinal))));
            }
        }

        await foreach (var f in connection.QueryUnbufferedAsync<FundRow>(ProjectFunds, new { now = nowUtc }).WithCancellation(cancellationToken))
        {
            if (f.ProjectId != current.Project)
            {
                Flush();
                current = (f.ProjectId, f.CountyCode, []);
            }

            if (visible.ContainsKey(f.DocumentId))
            {
                current.Documents.Add(f.DocumentId);
            }
        }

        Flush();
        var fundSets = combinations.Select(c => (c.County, Documents: c.Documents.Split(';').ToHashSet())).ToList();
        var setsByCounty = fundSets.ToLookup(s => s.County, s => s.Documents);
        var setsByPrefecture = fundSets.ToLookup(s => places.OfRegion(s.County).Prefecture, s => s.Documents);

        DocumentRef Ref(string id) => new(id, visible[id].Number ?? visible[id].Title, DateOf(visible[id]));

        // The prefecture document that passed a region document's funds down: named together with it by a project under the prefecture.
        string? PassedDownBy(string regionDocument, string prefecture) => setsByPrefecture[prefecture]
            .Where(s => s.Contains(regionDocument))
            .SelectMany(s => s).FirstOrDefault(d => prefectureDocuments.TryGetValue(d, out var p) && p == prefecture);

        // The county's own document detailing funds into projects: named by a county project beside the upstream one,
        // and neither a region nor a prefecture document nor one allocating to the county. The latest, when several.
        DocumentRef? DetailedBy(string upstream, string county) => setsByCounty[county]
            .Where(s => s.Contains(upstream))
            .SelectMany(s => s)
            .Where(d => !regionDocuments.Contains(d) && !prefectureDocuments.ContainsKey(d) && !allocatesTo.Contains((d, county)))
            .Distinct().Select(Ref).OrderByDescending(r => r.Date).FirstOrDefault();

        var passDown = rules.PassDown;
        var passDownItems = calculators.Select(_ => new List<ChainItem>()).ToArray();
        foreach (var r in regionDocuments.Order(StringComparer.Ordinal))
        {
            foreach (var prefecture in totals.Where(t => t.DocumentId == r && t.Level == "prefecture").Select(t => t.RegionCode).Distinct().Order(StringComparer.Ordinal))
            {
                var down = PassedDownBy(r, prefecture) is { } d ? Ref(d) : null;
                var name = places.Regions[prefecture].ShortName;
                for (var c = 0; c < calculators.Count; c++)
                {
                    passDownItems[c].Add(new ChainItem
                    {
                        RuleId = passDown.Id,
                        PrefectureCode = prefecture,
                        PrefectureName = name,
                        From = Ref(r),
                        To = down,
                        Deadline = calculators[c].Chain(Ref(r).Date, "自治区文件未印发文日期", down?.Date,
                            down is null ? $"数据中没有{name}下达这笔资金的文件" : "地（州、市）下达文件未印发文日期", passDown.Days!.Value, now),
                    });
                }
            }
        }

        var detail = rules.Detail;
        var detailItems = calculators.Select(_ => new List<ChainItem>()).ToArray();
        foreach (var (document, county) in allocatedTo.Select(a => (a.DocumentId, a.RegionCode)).Distinct().OrderBy(a => a.DocumentId, StringComparer.Ordinal).ThenBy(a => a.RegionCode, StringComparer.Ordinal))
        {
            var place = places.OfRegion(county);
            if (place.County is null || place.Prefecture is null || visible[document].Kind != "allocation"
                || !(regionDocuments.Contains(document) || prefectureDocuments.ContainsKey(document)))
            {
                continue;
            }

            // Funds reach a county by the prefecture's document; for a region document, by the prefecture's pass-down.
            var arrived = regionDocuments.Contains(document)
                ? PassedDownBy(document, place.Prefecture) is { } d ? Ref(d) : null
                : Ref(document);
            var detailed = arrived is null ? null : DetailedBy(arrived.Id, county) ?? DetailedBy(document, county);
            var prefectureName = places.Regions[place.Prefecture].ShortName;
            var startMissing = arrived is null ? $"数据中没有{prefectureName}下达这笔资金的文件，资金到县日期不详" : "下达到县的文件未印发文日期";
            for (var c = 0; c < calculators.Count; c++)
            {
                detailItems[c].Add(new ChainItem
                {
                    RuleId = detail.Id,
                    PrefectureCode = place.Prefecture,
                    PrefectureName = prefectureName,
                    CountyCode = county,
                    CountyName = places.Name(place),
                    From = arrived ?? Ref(document),
                    To = detailed,
                    Deadline = calculators[c].Chain(arrived?.Date, startMissing, detailed?.Date,
                        detailed is null ? "数据中没有该县（市、区）细化到项目的本级文件" : "县（市、区）本级文件未印发文日期", detail.Days!.Value, now),
                });
            }
        }

        return calculators.Select((_, c) => (IReadOnlyList<ChainRuleReport>)[Report(passDown, passDownItems[c]), Report(detail, detailItems[c])]).ToArray();

        static ChainRuleReport Report(DeadlineRule rule, List<ChainItem> items)
        {
            var counts = new TimelinessCounts();
            items.ForEach(i => counts.Add(i.Deadline.State));
            return new ChainRuleReport(rule, counts, items);
        }
    }

    static DateOnly? DateOf(DocumentRecord d) => (d.IssuedOn ?? d.AroseOn) is { } date ? DateOnly.FromDateTime(date) : null;

    /// <summary>Where a record is counted: a county, a prefecture's own level (County null) or the region's (both null).</summary>
    public readonly record struct Place(string? Prefecture, string? County);

    /// <summary>Resolves region codes and issuers to places, and names places.</summary>
    sealed class Places(Dictionary<string, RegionRecord> regions)
    {
        // Longest name first, so that 塔城地区财政局 is 塔城地区 and not a shorter name that happens to be a prefix.
        readonly List<(string Name, string Code)> names = regions.Values
            .Select(r => (Name: r.ShortName, r.Code)).OrderByDescending(n => n.Name.Length).ToList();

        public IReadOnlyDictionary<string, RegionRecord> Regions => regions;

        public Place OfRegion(string code)
        {
            if (code.Length > 6)
            {
                code = code[..6];
            }

            if (!regions.TryGetValue(code, out var region))
            {
                return default;
            }

            return region.Level switch
            {
                "county" => new Place(region.ParentCode, region.Code),
                "prefecture" => new Place(region.Code, null),
                _ => default,
            };
        }

        /// <summary>A document is counted where its issuer is (新疆维吾尔自治区财政厅 → region; 乌苏市财政局 → 乌苏市); unknown issuers at region level.</summary>
        public Place OfIssuer(string issuer)
        {
            foreach (var (name, code) in names)
            {
                if (issuer.StartsWith(name, StringComparison.Ordinal))
                {
                    return OfRegion(code);
                }
            }

            return default;
        }

        public string Name(Place place) =>
            place.County is { } county ? regions[county].ShortName
            : place.Prefecture is { } prefecture ? regions[prefecture].ShortName + "本级"
            : "自治区本级";
    }

    /// <summary>Accumulates counts per place, then lays them out as the region, prefecture and county tables.</summary>
    sealed class Areas(Places places)
    {
        readonly Dictionary<Place, (TimelinessCounts Publication, TimelinessCounts Chain)> counts = [];

        public TimelinessCounts Publication(Place place) => Of(place).Publication;
        public TimelinessCounts Chain(Place place) => Of(place).Chain;

        (TimelinessCounts Publication, TimelinessCounts Chain) Of(Place place)
        {
            if (!counts.TryGetValue(place, out var c))
            {
                c = (new TimelinessCounts(), new TimelinessCounts());
                counts[place] = c;
            }

            return c;
        }

        public (AreaTimeliness Region, List<AreaTimeliness> Prefectures, List<AreaTimeliness> Counties) Build()
        {
            var regionCode = places.Regions.Values.FirstOrDefault(r => r.Level == "province")?.Code ?? "65";
            var counties = counts.Where(c => c.Key.Prefecture is not null)
                .Select(c => new AreaTimeliness
                {
                    Code = c.Key.County ?? c.Key.Prefecture!,
                    Name = places.Name(c.Key),
                    Level = c.Key.County is null ? "prefecture" : "county",
                    ParentCode = c.Key.Prefecture,
                    OwnLevel = c.Key.County is null,
                    Publication = c.Value.Publication,
                    Chain = c.Value.Chain,
                })
                .OrderBy(a => a.ParentCode, StringComparer.Ordinal).ThenBy(a => a.OwnLevel ? 0 : 1).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();

            var prefectures = counties.GroupBy(c => c.ParentCode!).Select(g =>
            {
                var area = new AreaTimeliness { Code = g.Key, Name = places.Regions[g.Key].ShortName, Level = "prefecture", ParentCode = regionCode };
                foreach (var c in g)
                {
                    area.Publication.Add(c.Publication);
                    area.Chain.Add(c.Chain);
                }

                return area;
            }).ToList();

            if (counts.TryGetValue(default, out var own))
            {
                prefectures.Add(new AreaTimeliness
                {
                    Code = regionCode, Name = "自治区本级", Level = "region", ParentCode = regionCode, OwnLevel = true, Publication = own.Publication, Chain = own.Chain,
                });
            }

            prefectures = prefectures.OrderBy(p => p.OwnLevel ? 0 : 1).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
            var region = new AreaTimeliness { Code = regionCode, Name = places.Regions.TryGetValue(regionCode, out var r) ? r.ShortName : "新疆维吾尔自治区", Level = "region" };
            foreach (var p in prefectures)
            {
                region.Publication.Add(p.Publication);
                region.Chain.Add(p.Chain);
            }

            return (region, prefectures, counties);
        }
    }

    /// <summary>The columns the record queries share; each query fills the ones it has.</summary>
    sealed record DatedRow
    {
        public string? Id { get; init; }
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? Title { get; init; }
        public string? DocumentId { get; init; }
        public string? ProjectCode { get; init; }
        public string? RegionCode { get; init; }
        public string? RegionName { get; init; }
        public string? CountyCode { get; init; }
        public string? Task { get; init; }
        public string? Level2 { get; init; }
        public string? Level3 { get; init; }
        public DateTime? AroseOn { get; init; }
        public DateTime? PublishedAt { get; init; }
        public DateTime? ParentAroseOn { get; init; }
        public DateTime? ParentPublishedAt { get; init; }
        public DateTime? ProjectPublishedAt { get; init; }
        public DateTime? SignedOn { get; init; }
        public string? PublishedVia { get; init; }
    }

    sealed record TotalRow
    {
        public required string DocumentId { get; init; }
        public required string RegionCode { get; init; }
        public string? Level { get; init; }
    }

    sealed record FundRow
    {
        public long ProjectId { get; init; }
        public required string CountyCode { get; init; }
        public required string DocumentId { get; init; }
    }
}
