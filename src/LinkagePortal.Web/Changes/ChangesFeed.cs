using System.Globalization;
using System.Text;
using LinkagePortal.Api;

namespace LinkagePortal.Changes;

/// <summary>/changes.atom: the latest public changes as an Atom feed (RFC 4287), newest first, each linking to its record.</summary>
public static class ChangesFeed
{
    public const int Size = 100;

    // The newest changes already public, read backwards along the feed's own order.
    const string Latest = $"{RecordVersions.Select} {RecordVersions.From} WHERE {Public.Versions} ORDER BY v.feed_position DESC";

    public static void Map(IEndpointRouteBuilder routes, string corsPolicy) =>
        routes.MapGet("/changes.atom", async (Db db, TimeProvider clock, Freshness freshness, Hosting.PublicBaseUrl baseUrl) =>
        {
            await using var connection = await db.OpenAsync();
            var entries = (await connection.QueryAsync<VersionRecord>(Latest + db.Dialect.Limit("@take"),
                new { now = clock.GetUtcNow().UtcDateTime, take = Size })).Select(v => v.WithChanges()).ToList();
            var lastChanged = (await freshness.LastChangedAsync()).UtcDateTime;
            return Results.Bytes(Write(entries, baseUrl.Value, lastChanged), Atom.ContentType);
        }).WithFreshness().RequireCors(corsPolicy).WithName("ChangesAtom");

    /// <summary>The page of a record, where it has one (allocations and contacts are shown on their document's and region's pages).</summary>
    public static string PageOf(VersionRecord change) => change.RecordType switch
    {
        "projects" => "/projects/" + change.RecordId,
        "documents" => "/documents/" + change.RecordId,
        "announcements" => "/announcements/" + change.RecordId,
        "allocations" => "/documents/" + change.RecordId.Split('/')[0],
        _ => "/regions/" + change.RecordId,
    };

    static byte[] Write(IReadOnlyList<VersionRecord> entries, string baseUrl, DateTime lastChanged)
    {
        return Atom.Feed(xml =>
        {
            xml.WriteElementString("id", Atom.Namespace, baseUrl + "/changes.atom");
            xml.WriteElementString("title", Atom.Namespace, "新疆财政衔接推进乡村振兴补助资金 修改记录");
            xml.WriteElementString("subtitle", Atom.Namespace, "本站公开记录的收录、修改和撤下，最新 " + Size.ToString(CultureInfo.InvariantCulture) + " 条；全部见 /api/v1/changes。");
            xml.WriteElementString("updated", Atom.Namespace, Atom.Time(entries.Count > 0 ? entries[0].VisibleAt : lastChanged));
            Atom.Link(xml, "self", baseUrl + "/changes.atom", "application/atom+xml");
            Atom.Link(xml, "alternate", baseUrl + "/api/v1/changes", "application/json");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom.Namespace);
                xml.WriteElementString("id", Atom.Namespace, $"{baseUrl}/api/v1/changes#{entry.FeedPosition}");
                xml.WriteElementString("title", Atom.Namespace, $"{entry.KindLabel} {entry.RecordType} {entry.RecordId}（第 {entry.Version.ToString(CultureInfo.InvariantCulture)} 版）");
                xml.WriteElementString("updated", Atom.Namespace, Atom.Time(entry.VisibleAt));
                xml.WriteStartElement("author", Atom.Namespace);
                xml.WriteElementString("name", Atom.Namespace, entry.Source);
                xml.WriteEndElement();
                Atom.Link(xml, "alternate", baseUrl + PageOf(entry), "text/html");
                xml.WriteStartElement("category", Atom.Namespace);
                xml.WriteAttributeString("term", entry.Kind);
                xml.WriteEndElement();
                xml.WriteStartElement("content", Atom.Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Describe(entry));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
        });
    }

    static string Describe(VersionRecord entry)
    {
        var text = new StringBuilder();
        foreach (var change in entry.Changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{change.Label}：{change.Before ?? "（空）"} → {change.After ?? "（空）"}\n");
        }

        if (entry.Reason is { } reason)
        {
            text.Append(CultureInfo.InvariantCulture, $"原因：{reason}\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"来源：{entry.Source}").ToString();
    }
}
