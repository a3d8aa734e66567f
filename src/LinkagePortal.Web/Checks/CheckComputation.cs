using System.Globalization;

namespace LinkagePortal.Checks;

/// <summary>
/// Turns the public records into findings, county by county: reconciliation, 30-day detailing, notice completeness,
/// negative-list screening, the project-management-fee cap and complaint handling. Each finding cites the rule (by id
/// in the rules data) it applies; a check whose rule is not in the rules data is not run. Where the data lacks what a
/// judgement needs the outcome is "cannot-tell", never a guess.
/// </summary>
public static class CheckComputation
{
    /// <summary>The county's own account: which <c>fund_reports</c> items state its linkage funds and its spending.</summary>
    static readonly string[] StatedLinkageItems = ["linkage_total", "received_total"];
    const string SpentItem = "spent";

    const int DetailingDays = 30;
    const int OpenTooLongDays = 30;

    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<CheckResult> Run(CheckInputs data)
    {
        var rules = data.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var results = new List<CheckResult>();
        var projectsByCounty = data.Projects.ToLookup(p => p.CountyCode, StringComparer.Ordinal);
        var allocationsByCounty = data.Allocations.ToLookup(a => a.RegionCode, StringComparer.Ordinal);
        var reportsByCounty = data.FundReports.ToLookup(r => r.CountyCode, StringComparer.Ordinal);
        var announcementsByCounty = data.Announcements.ToLookup(a => a.CountyCode, StringComparer.Ordinal);
        var complaintsByCounty = data.Complaints.ToLookup(c => c.CountyCode, StringComparer.Ordinal);

        foreach (var county in data.Counties.Values)
        {
            var projects = projectsByCounty[county.Code].ToList();
            var allocations = allocationsByCounty[county.Code].Where(a => data.Documents.ContainsKey(a.DocumentId)).ToList();
            var reports = reportsByCounty[county.Code].ToList();
            if (rules.TryGetValue("reconcile", out var reconcile))
            {
                results.AddRange(Reconcile(data, reconcile, county, allocations, projects, reports));
            }

            if (rules.TryGetValue("detail-30", out var detailing))
            {
                results.AddRange(Detailing(data, detailing, county, allocations, projects, reports));
            }

            results.AddRange(Completeness(data, rules, county, announcementsByCounty[county.Code].ToList(), projects));
            results.AddRange(NegativeList(data, county, projects));
            if (rules.TryGetValue("management-fee", out var fee))
            {
                results.AddRange(ManagementFees(fee, county, allocations, projects, data));
            }

            if (rules.TryGetValue("complaint-handling", out var complaints))
            {
                results.AddRange(ComplaintHandling(data.Now, complaints, county, complaintsByCounty[county.Code].ToList()));
            }
        }

        return results;
    }

    // ---- Reconciliation: per allocation document, per programme and year, and printed facts that disagree.

    static IEnumerable<CheckResult> Reconcile(CheckInputs data, CheckRule rule, RegionRecord county,
        List<AllocationRecord> allocations, List<ProjectRecord> projects, List<CheckInputs.FundReport> reports)
    {
        // Each allocation document: what it gives the county (all its tasks), against the projects that name it.
        foreach (var byDocument in allocations.GroupBy(a => a.DocumentId))
        {
            var document = data.Documents[byDocument.Key];
            var programme = document.Programme;
            var naming = projects.Where(p => p.Programme == programme && p.DocumentIds.Contains(document.Id)).ToList();
            var allocated = byDocument.Sum(a => a.AmountYuan);
            var detailed = naming.Sum(p => p.AmountYuan);
            var tasks = string.Join("；", byDocument.Select(a =>
            {
                var ofTask = naming.Where(p => p.Category == a.Task).ToList();
                return $"{a.Task} {Wan(a.AmountYuan)} 万元" + (ofTask.Count > 0 ? $"（注明此任务的项目 {ofTask.Count} 个，合计 {Wan(ofTask.Sum(p => p.AmountYuan))} 万元）" : "");
            }));
            yield return new CheckResult
            {
                CheckKind = CheckKinds.Reconciliation.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = document.FiscalYear,
                SubjectKind = "document", SubjectId = document.Id, SubjectTitle = document.Name, Item = "document",
                Outcome = naming.Count == 0 ? Outcomes.NotDetailed : allocated == detailed ? Outcomes.Balanced : Outcomes.Differs,
                AllocatedYuan = allocated, DetailedYuan = detailed, DifferenceYuan = allocated - detailed, SourceDocumentId = document.Id,
                Detail = $"{document.Name} 分配给{county.ShortName}：{tasks}。列出的项目中注明这份文件的 {naming.Count} 个，合计 {Wan(detailed)} 万元。",
            };
        }

        // Each programme and year: all allocations, all listed projects, and what the county's own account states.
        var years = allocations.Select(a => (data.Documents[a.DocumentId].Programme, data.Documents[a.DocumentId].FiscalYear))
            .Concat(projects.Select(p => ((string?)p.Programme, (long?)p.FiscalYear)))
            .Concat(reports.Where(r => StatedLinkageItems.Contains(r.Item) && r.Yuan is not null).Select(r => ((string?)"linkage", (long?)r.FiscalYear)))
            .Where(k => k.Item1 is not null && k.Item2 is not null)
            .Distinct()
            .OrderBy(k => k.Item2).ThenBy(k => k.Item1, StringComparer.Ordinal);
        foreach (var (programme, year) in years)
        {
            var cells = allocations.Where(a => data.Documents[a.DocumentId].Programme == programme && data.Documents[a.DocumentId].FiscalYear == year).ToList();
            var listed = projects.Where(p => p.Programme == programme && p.FiscalYear == year).ToList();
            var stated = programme == "linkage" ? Stated(reports, year!.Value) : null;
            long? allocated = cells.Count > 0 ? cells.Sum(a => a.AmountYuan) : null;
            var detailed = listed.Sum(p => p.AmountYuan);
            var figures = new[] { allocated, stated?.Yuan }.Where(f => f is not null).ToList();
            var outcome = listed.Count == 0 ? Outcomes.NotDetailed
                : figures.Count == 0 ? Outcomes.CannotTell
                : figures.All(f => f == detailed) ? Outcomes.Balanced : Outcomes.Differs;
            var parts = string.Join("；", cells.GroupBy(a => a.DocumentId).Select(g => $"{data.Documents[g.Key].Name} {Wan(g.Sum(a => a.AmountYuan))} 万元"));
            yield return new CheckResult
            {
                CheckKind = CheckKinds.Reconciliation.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = year,
                SubjectKind = "county", SubjectId = county.Code, SubjectTitle = county.ShortName, Item = "total", Outcome = outcome,
                AllocatedYuan = allocated, DetailedYuan = detailed, ReportedYuan = stated?.Yuan, DifferenceYuan = allocated is { } a ? a - detailed : null,
                SourceDocumentId = stated?.SourceDocumentId,
                Detail = $"分配表：{(cells.Count == 0 ? "数据中没有下达到本县的分配表" : parts)}。列出的项目 {listed.Count} 个，合计 {Wan(detailed)} 万元。"
                    + (stated is null ? "本县的资金报告没有说明收到多少。" : $"本县报告“{stated.Label}”{Wan(stated.Yuan!.Value)} 万元（{data.Documents[stated.SourceDocumentId].Name}）。")
                    + (programme == "linkage" && reports.FirstOrDefault(r => r.FiscalYear == year && r.Item == "projects") is { } count
                        ? $"报告称安排项目 {count.Value} 个。" : ""),
            };

            if (programme == "linkage" && reports.FirstOrDefault(r => r.FiscalYear == year && r.Item == SpentItem && r.Yuan is not null) is { } spent)
            {
                var listedSpent = listed.Where(p => p.SpentYuan is not null).ToList();
                yield return new CheckResult
                {
                    CheckKind = CheckKinds.Reconciliation.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = year,
                    SubjectKind = "county", SubjectId = county.Code, SubjectTitle = county.ShortName, Item = "spent", Outcome = Outcomes.Stated,
                    ReportedYuan = spent.Yuan, DetailedYuan = listedSpent.Count > 0 ? listedSpent.Sum(p => p.SpentYuan!.Value) : null,
                    SourceDocumentId = spent.SourceDocumentId,
                    Detail = $"本县报告“{spent.Label}”{Wan(spent.Yuan!.Value)} 万元（{data.Documents[spent.SourceDocumentId].Name}）。"
                        + (listedSpent.Count > 0 ? $"列出的项目中 {listedSpent.Count} 个印有实际支出。" : "列出的项目没有印实际支出，无法逐项核对。"),
                };
            }

            // Printed facts that disagree: a document allocates to the county for this year, while the county's own table of
            // this programme lists only other years. Both are shown with their sources; neither is chosen.
            if (cells.Count > 0 && listed.Count == 0)
            {
                foreach (var table in projects.Where(p => p.Programme == programme).GroupBy(p => (p.SourceDocumentId, p.SourceTable)))
                {
                    var tableYears = string.Join("、", table.Select(p => p.FiscalYear).Distinct().Order());
                    foreach (var byDocument in cells.GroupBy(a => a.DocumentId))
                    {
                        var document = data.Documents[byDocument.Key];
                        yield return new CheckResult
                        {
                            CheckKind = CheckKinds.Reconciliation.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = year,
                            SubjectKind = "document", SubjectId = document.Id, SubjectTitle = document.Name, Item = "printed-fact",
                            Outcome = Outcomes.DocumentsDiffer, AllocatedYuan = byDocument.Sum(a => a.AmountYuan), SourceDocumentId = document.Id,
                            Detail = $"{document.Name} 印有：{year}年分配给{county.ShortName} {Wan(byDocument.Sum(a => a.AmountYuan))} 万元。",
                        };
                    }

                    var source = data.Documents[table.Key.SourceDocumentId];
                    yield return new CheckResult
                    {
                        CheckKind = CheckKinds.Reconciliation.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = year,
                        SubjectKind = "document", SubjectId = source.Id, SubjectTitle = source.Name, Item = "printed-fact",
                        Outcome = Outcomes.DocumentsDiffer, DetailedYuan = 0, SourceDocumentId = source.Id,
                        Detail = $"{source.Name}“{table.Key.SourceTable}”印有 {table.Count()} 行，均为 {tableYears} 年，没有 {year} 年的。",
                    };
                }
            }
        }
    }

    static CheckInputs.FundReport? Stated(List<CheckInputs.FundReport> reports, long year) =>
        StatedLinkageItems.Select(item => reports.FirstOrDefault(r => r.FiscalYear == year && r.Item == item && r.Yuan is not null))
            .FirstOrDefault(r => r is not null);

    // ---- 30-day detailing: money given to a county and no listed project for it.

    static IEnumerable<CheckResult> Detailing(CheckInputs data, CheckRule rule, RegionRecord county,
        List<AllocationRecord> allocations, List<ProjectRecord> projects, List<CheckInputs.FundReport> reports)
    {
        var keys = allocations.Select(a => (data.Documents[a.DocumentId].Programme, data.Documents[a.DocumentId].FiscalYear))
            .Concat(reports.Where(r => StatedLinkageItems.Contains(r.Item) && r.Yuan is not null).Select(r => ((string?)"linkage", (long?)r.FiscalYear)))
            .Where(k => k.Item1 is not null)
            .Distinct()
            .OrderBy(k => k.Item2).ThenBy(k => k.Item1, StringComparer.Ordinal);
        foreach (var (programme, year) in keys)
        {
            var listed = projects.Where(p => p.Programme == programme && p.FiscalYear == year).ToList();
            var documents = allocations.Where(a => data.Documents[a.DocumentId].Programme == programme && data.Documents[a.DocumentId].FiscalYear == year)
                .Select(a => data.Documents[a.DocumentId]).DistinctBy(d => d.Id).ToList();
            if (listed.Count > 0)
            {
                // Projects are listed for this programme and year: a document that none of them names is asked about alone.
                foreach (var document in documents.Where(d => !projects.Any(p => p.DocumentIds.Contains(d.Id))))
                {
                    var since = document.IssuedOn ?? document.AroseOn;
                    yield return Judged(rule, county, programme!, year, "document", document.Id, document.Name, since, document.Id,
                        since is null
                            ? $"{document.Name} 没有印发文日期，列出的项目都没有注明这份文件：无法判断是否超过30日。"
                            : $"{document.Name} 发文于 {since:yyyy-MM-dd}，列出的项目都没有注明这份文件。", data.Now);
                }

                continue;
            }

            // Nothing listed: count from the earliest dated document, else from the end of the year the county's account covers.
            var dated = documents.Select(d => d.IssuedOn ?? d.AroseOn).Where(d => d is not null).Min();
            var stated = programme == "linkage" && year is { } y ? Stated(reports, y) : null;
            DateTime? start = dated ?? (stated is not null ? new DateTime(stated.FiscalYear, 12, 31, 0, 0, 0, DateTimeKind.Utc) : null);
            var what = stated is not null
                ? $"本县报告{year}年“{stated.Label}”{Wan(stated.Yuan!.Value)} 万元（{data.Documents[stated.SourceDocumentId].Name}）"
                : $"分配表下达 {Wan(allocations.Where(a => documents.Any(d => d.Id == a.DocumentId)).Sum(a => a.AmountYuan))} 万元（{string.Join("、", documents.Select(d => d.Name))}）";
            var when = dated is not null
                ? $"最早的下达文件发文于 {dated:yyyy-MM-dd}"
                : stated is not null ? $"下达文件没有日期，报告所述资金最晚在 {stated.FiscalYear} 年底到位" : "下达文件没有日期";
            yield return Judged(rule, county, programme!, year, "county", county.Code, county.ShortName, start, stated?.SourceDocumentId ?? documents.FirstOrDefault()?.Id,
                $"{what}，数据中没有列出任何项目；{when}。", data.Now);
        }
    }

    static CheckResult Judged(CheckRule rule, RegionRecord county, string programme, long? year, string subjectKind, string subjectId,
        string subjectTitle, DateTime? since, string? source, string detail, DateTime now)
    {
        var outcome = since is not { } start ? Outcomes.CannotTell : now.Date > start.Date.AddDays(DetailingDays) ? Outcomes.Flagged : Outcomes.NotYetDue;
        return new CheckResult
        {
            CheckKind = CheckKinds.Detailing.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = year,
            SubjectKind = subjectKind, SubjectId = subjectId, SubjectTitle = subjectTitle, Item = "30-days", Outcome = outcome,
            Figure = since is { } s ? ((int)(now.Date - s.Date).TotalDays).ToString(Invariant) : null, Unit = since is null ? null : "天",
            SourceDocumentId = source, Detail = detail,
        };
    }

    // ---- Notice completeness: the §六 items (and the supervision telephone) on each notice and each listed project.

    /// <summary>The items, in the order the rules data and the pages give them; an item whose rule is missing is not checked.</summary>
    static readonly (string RuleId, string Item)[] PublicityItems =
    [
        ("publicity-plan", "资金年度使用计划"), ("publicity-projects", "支持项目"), ("publicity-content", "建设内容"),
        ("publicity-standard", "补助标准"), ("publicity-source", "资金来源及额度"), ("publicity-phone", "监督电话"),
    ];

    /// <summary>Where a publicity rule comes in §六's list (the rate first); other rules come first.</summary>
    public static int PublicityOrder(string ruleId) => Array.FindIndex(PublicityItems, i => i.RuleId == ruleId);

    static IEnumerable<CheckResult> Completeness(CheckInputs data, Dictionary<string, CheckRule> rules, RegionRecord county,
        List<AnnouncementRecord> announcements, List<ProjectRecord> projects)
    {
        var items = PublicityItems.Where(i => rules.ContainsKey(i.RuleId)).Select(i => (Rule: rules[i.RuleId], i.Item)).ToList();
        if (items.Count == 0 || (announcements.Count == 0 && projects.Count == 0))
        {
            yield break;
        }

        var byId = projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var hasHotline = data.CountiesWithHotline.Contains(county.Code);
        var present = 0;
        var judged = 0;
        foreach (var announcement in announcements)
        {
            var listed = announcement.ProjectIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            foreach (var (rule, item) in items)
            {
                var (outcome, why) = OnNotice(rule, announcement, listed);
                Tally(outcome);
                yield return Item(rule, item, county, "announcement", announcement.Id, announcement.Title, outcome, why, null, null);
            }
        }

        foreach (var project in projects)
        {
            foreach (var (rule, item) in items)
            {
                var (outcome, why) = OnProject(rule, project, hasHotline);
                Tally(outcome);
                yield return Item(rule, item, county, "project", project.Code, project.Name, outcome, why, project.Programme, project.FiscalYear);
            }
        }

        if (rules.TryGetValue("publicity", out var rateRule) && judged > 0)
        {
            yield return new CheckResult
            {
                CheckKind = CheckKinds.NoticeCompleteness.Value, RuleId = rateRule.Id, CountyCode = county.Code, SubjectKind = "county",
                SubjectId = county.Code, SubjectTitle = county.ShortName, Item = "rate", Outcome = Outcomes.Rate,
                Figure = Math.Round(100m * present / judged, 1).ToString("0.0", Invariant), Unit = "%",
                Detail = $"公告 {announcements.Count} 则、列出的项目 {projects.Count} 个，应公开的 {judged} 项中已公开 {present} 项（不适用的不计）。",
            };
        }

        void Tally(string outcome)
        {
            if (outcome == Outcomes.NotApplicable)
            {
                return;
            }

            judged++;
            present += outcome == Outcomes.Present ? 1 : 0;
        }
    }

    static (string Outcome, string Why) OnNotice(CheckRule rule, AnnouncementRecord notice, List<ProjectRecord> listed)
    {
        var words = rule.Words.Where(w => notice.Body.Contains(w, StringComparison.Ordinal)).ToList();
        var said = words.Count > 0 ? $"正文有“{string.Join("、", words)}”" : rule.Words.Length > 0 ? $"正文没有“{string.Join("、", rule.Words)}”" : "";
        return rule.Id switch
        {
            "publicity-projects" => listed.Count > 0 ? (Outcomes.Present, $"列出项目 {listed.Count} 个") : (Outcomes.Missing, "没有列出项目"),
            "publicity-content" when listed.Count > 0 && listed.All(p => p.ConstructionContent is not null) => (Outcomes.Present, "所列项目都印有建设内容"),
            "publicity-content" => words.Count > 0 ? (Outcomes.Present, said) : (Outcomes.Missing, $"所列项目没有都印建设内容，{said}"),
            "publicity-standard" when listed.Any(p => rule.Words.Any(w => p.ConstructionContent?.Contains(w, StringComparison.Ordinal) == true)) =>
                (Outcomes.Present, "所列项目的建设内容印有补助标准"),
            "publicity-source" => words.Count > 0 && notice.Body.Contains("万元", StringComparison.Ordinal)
                ? (Outcomes.Present, said + "并印有万元金额")
                : (Outcomes.Missing, words.Count > 0 ? said + "但没有万元金额" : said),
            _ => words.Count > 0 ? (Outcomes.Present, said) : (Outcomes.Missing, said),
        };
    }

    static (string Outcome, string Why) OnProject(CheckRule rule, ProjectRecord project, bool countyHasHotline) => rule.Id switch
    {
        "publicity-plan" => (Outcomes.NotApplicable, "年度使用计划是全县的，见公告"),
        "publicity-projects" => (Outcomes.NotApplicable, "项目本身即是"),
        "publicity-content" => project.ConstructionContent is not null ? (Outcomes.Present, "印有建设内容") : (Outcomes.Missing, "没有印建设内容"),
        "publicity-standard" => rule.Words.Any(w => project.ConstructionContent?.Contains(w, StringComparison.Ordinal) == true)
            ? (Outcomes.Present, "建设内容印有补助标准")
            : (Outcomes.Missing, "没有印补助标准"),
        "publicity-source" => project.AmountYuan > 0 && project.DocumentIds.Count > 0
            ? (Outcomes.Present, $"印有金额 {Wan(project.AmountYuan)} 万元和资金文件 {project.DocumentIds.Count} 份")
            : (Outcomes.Missing, "没有同时印金额和资金文件"),
        "publicity-phone" => countyHasHotline ? (Outcomes.Present, "本县公告印有监督电话") : (Outcomes.Missing, "本县没有登记的监督电话"),
        _ => (Outcomes.CannotTell, "没有这一项的核对方法"),
    };

    static CheckResult Item(CheckRule rule, string item, RegionRecord county, string subjectKind, string subjectId, string title,
        string outcome, string why, string? programme, long? year) => new()
    {
        CheckKind = CheckKinds.NoticeCompleteness.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = programme, FiscalYear = year,
        SubjectKind = subjectKind, SubjectId = subjectId, SubjectTitle = title, Item = item, Outcome = outcome, Detail = why,
    };

    // ---- Negative list: words of the forbidden uses in a project's name or construction content. A prompt, not a verdict.

    static IEnumerable<CheckResult> NegativeList(CheckInputs data, RegionRecord county, List<ProjectRecord> projects)
    {
        var rules = data.Rules.Where(r => r.CheckKind == CheckKinds.NegativeList.Value).ToList();
        foreach (var project in projects)
        {
            var text = project.Name + "\n" + project.ConstructionContent;
            foreach (var rule in rules)
            {
                var matched = rule.Words.Where(w => text.Contains(w, StringComparison.Ordinal)).ToList();
                if (matched.Count == 0)
                {
                    continue;
                }

                yield return new CheckResult
                {
                    CheckKind = CheckKinds.NegativeList.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = project.Programme,
                    FiscalYear = project.FiscalYear, SubjectKind = "project", SubjectId = project.Code, SubjectTitle = project.Name,
                    Item = rule.Quote, Outcome = Outcomes.Prompt, AmountYuan = project.AmountYuan, MatchedWords = string.Join(';', matched),
                    SourceDocumentId = project.SourceDocumentId,
                    Detail = $"项目名称或建设内容出现“{string.Join("、", matched)}”，{rule.Article}不得用于“{rule.Quote}”：请查看项目是否属于此类，这不是结论。",
                };
            }
        }
    }

    // ---- Project-management fee: at most 1 % of the county's funds of that programme and year (第九条).

    static IEnumerable<CheckResult> ManagementFees(CheckRule rule, RegionRecord county, List<AllocationRecord> allocations,
        List<ProjectRecord> projects, CheckInputs data)
    {
        foreach (var project in projects.Where(p => rule.Words.Any(w => (p.Name + "\n" + p.ConstructionContent).Contains(w, StringComparison.Ordinal))))
        {
            var funds = allocations.Where(a => data.Documents[a.DocumentId].Programme == project.Programme && data.Documents[a.DocumentId].FiscalYear == project.FiscalYear)
                .Sum(a => a.AmountYuan);
            var outcome = funds == 0 ? Outcomes.CannotTell : project.AmountYuan * 100 <= funds ? Outcomes.WithinCap : Outcomes.OverCap;
            yield return new CheckResult
            {
                CheckKind = CheckKinds.ManagementFee.Value, RuleId = rule.Id, CountyCode = county.Code, Programme = project.Programme, FiscalYear = project.FiscalYear,
                SubjectKind = "project", SubjectId = project.Code, SubjectTitle = project.Name, Item = "1%", Outcome = outcome,
                AmountYuan = project.AmountYuan, AllocatedYuan = funds == 0 ? null : funds,
                Figure = funds == 0 ? null : Math.Round(100m * project.AmountYuan / funds, 2).ToString("0.00", Invariant), Unit = funds == 0 ? null : "%",
                MatchedWords = string.Join(';', rule.Words.Where(w => (project.Name + "\n" + project.ConstructionContent).Contains(w, StringComparison.Ordinal))),
                SourceDocumentId = project.SourceDocumentId,
                Detail = funds == 0
                    ? $"项目管理费 {Wan(project.AmountYuan)} 万元；数据中没有本县{project.FiscalYear}年同类资金的分配额，无法判断是否超过1%。"
                    : $"项目管理费 {Wan(project.AmountYuan)} 万元，占本县{project.FiscalYear}年同类资金分配额 {Wan(funds)} 万元的比例见 figure；上限1%即 {Wan(funds / 100)} 万元。",
            };
        }
    }

    // ---- Complaint handling: counts only. No document sets a handling time, so there is no verdict.

    static IEnumerable<CheckResult> ComplaintHandling(DateTime now, CheckRule rule, RegionRecord county, List<CheckInputs.Complaint> complaints)
    {
        if (complaints.Count == 0)
        {
            yield break;
        }

        var open = complaints.Where(c => c.ClosedAt is null).ToList();
        var closedDays = complaints.Where(c => c.ClosedAt is not null).Select(c => (decimal)(c.ClosedAt!.Value - c.ReceivedAt).TotalDays).Order().ToList();
        var tooLong = open.Count(c => now - c.ReceivedAt > TimeSpan.FromDays(OpenTooLongDays));
        CheckResult Count(string item, string? figure, string unit, string detail, string outcome = Outcomes.Count) => new()
        {
            CheckKind = CheckKinds.ComplaintHandling.Value, RuleId = rule.Id, CountyCode = county.Code, SubjectKind = "county", SubjectId = county.Code,
            SubjectTitle = county.ShortName, Item = item, Outcome = outcome, Figure = figure, Unit = unit, Detail = detail,
        };

        yield return Count("recorded", complaints.Count.ToString(Invariant), "件", $"登记的投诉 {complaints.Count} 件。");
        yield return Count("open", open.Count.ToString(Invariant), "件", $"尚未办结（收到或核查中）{open.Count} 件。");
        yield return closedDays.Count == 0
            ? Count("median-days-to-close", null, "天", "还没有办结的投诉，没有天数可算。", Outcomes.CannotTell)
            : Count("median-days-to-close", Median(closedDays).ToString("0.0", Invariant), "天",
                $"已办结（属实处理或不属实）{closedDays.Count} 件，从收到到办结的天数中位数。");
        yield return Count("open-over-30-days", tooLong.ToString(Invariant), "件", $"收到已超过{OpenTooLongDays}日仍未办结 {tooLong} 件。");
    }

    static decimal Median(List<decimal> sorted) => Math.Round(
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2, 1);

    static string Wan(long yuan) => Money.FormatWan(yuan);
}
