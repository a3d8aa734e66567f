using System.Globalization;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>/announcements.atom: the latest public announcements as an Atom feed (RFC 4287) newsrooms can subscribe to.</summary>
public static class AnnouncementsFeed
{
    public const int Size = 50;

    public static void Map(IEndpointRouteBuilder routes, string corsPolicy) =>
        routes.MapGet("/announcements.atom", async (HttpRequest request, Db db, TimeProvider clock, Freshness freshness) =>
        {
            await using var connection = await db.OpenAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var entries = await AnnouncementRecords.LatestAsync(connection, db.Dialect, now, Size);
            var lastChanged = (await freshness.LastChangedAsync()).UtcDateTime;
            return Results.Bytes(Write(entries, CatalogEndpoints.BaseUrl(request), lastChanged), Atom.ContentType);
        }).WithFreshness().RequireCors(corsPolicy);

    static byte[] Write(IReadOnlyList<AnnouncementRecord> entries, string baseUrl, DateTime lastChanged)
    {
        return Atom.Feed(xml =>
        {
            xml.WriteElementString("id", Atom.Namespace, baseUrl + "/announcements.atom");
            xml.WriteElementString("title", Atom.Namespace, "新疆财政衔接推进乡村振兴补助资金 公告公示");
            xml.WriteElementString("subtitle", Atom.Namespace, "各县资金安排使用情况公告公示，最新 " + Size.ToString(CultureInfo.InvariantCulture) + " 则。");
            var updated = entries.Select(e => e.PublishedAt ?? lastChanged).DefaultIfEmpty(lastChanged).Max();
            xml.WriteElementString("updated", Atom.Namespace, Atom.Time(updated));
            Atom.Link(xml, "self", baseUrl + "/announcements.atom", "application/atom+xml");
            Atom.Link(xml, "alternate", baseUrl + "/announcements", "text/html");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom.Namespace);
                xml.WriteElementString("id", Atom.Namespace, baseUrl + "/announcements/" + entry.Id);
                xml.WriteElementString("title", Atom.Namespace, entry.Title);
                xml.WriteElementString("updated", Atom.Namespace, Atom.Time(entry.PublishedAt ?? lastChanged));
                if (entry.PublishedAt is { } published)
                {
                    xml.WriteElementString("published", Atom.Namespace, Atom.Time(published));
                }

                xml.WriteStartElement("author", Atom.Namespace);
                xml.WriteElementString("name", Atom.Namespace, entry.Publisher);
                xml.WriteEndElement();
                Atom.Link(xml, "alternate", baseUrl + "/announcements/" + entry.Id, "text/html");
                Atom.Link(xml, "related", baseUrl + "/api/v1/announcements/" + entry.Id, "application/json");
                xml.WriteStartElement("category", Atom.Namespace);
                xml.WriteAttributeString("term", entry.CountyCode);
                xml.WriteAttributeString("label", entry.CountyName);
                xml.WriteEndElement();
                xml.WriteStartElement("content", Atom.Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Body);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
        });
    }
}
