using System.Globalization;
using System.Text;
using System.Xml;
using LinkagePortal.Api;

namespace LinkagePortal.OpenData;

/// <summary>/announcements.atom: the latest public announcements as an Atom feed (RFC 4287) newsrooms can subscribe to.</summary>
public static class AnnouncementsFeed
{
    public const int Size = 50;
    const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static void Map(IEndpointRouteBuilder routes, string corsPolicy) =>
        routes.MapGet("/announcements.atom", async (HttpRequest request, Db db, TimeProvider clock, Freshness freshness) =>
        {
            await using var connection = await db.OpenAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var entries = await AnnouncementRecords.LatestAsync(connection, db.Dialect, now, Size);
            var lastChanged = (await freshness.LastChangedAsync()).UtcDateTime;
            return Results.Bytes(Write(entries, CatalogEndpoints.BaseUrl(request), lastChanged), "application/atom+xml; charset=utf-8");
        }).WithFreshness().RequireCors(corsPolicy);

    static byte[] Write(IReadOnlyList<AnnouncementRecord> entries, string baseUrl, DateTime lastChanged)
    {
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("id", AtomNamespace, baseUrl + "/announcements.atom");
            xml.WriteElementString("title", AtomNamespace, "新疆财政衔接推进乡村振兴补助资金 公告公示");
            xml.WriteElementString("subtitle", AtomNamespace, "各县资金安排使用情况公告公示，最新 " + Size.ToString(CultureInfo.InvariantCulture) + " 则。");
            var updated = entries.Select(e => e.PublishedAt ?? lastChanged).DefaultIfEmpty(lastChanged).Max();
            xml.WriteElementString("updated", AtomNamespace, Iso(updated));
            Link(xml, "self", baseUrl + "/announcements.atom", "application/atom+xml");
            Link(xml, "alternate", baseUrl + "/announcements", "text/html");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, baseUrl + "/announcements/" + entry.Id);
                xml.WriteElementString("title", AtomNamespace, entry.Title);
                xml.WriteElementString("updated", AtomNamespace, Iso(entry.PublishedAt ?? lastChanged));
                if (entry.PublishedAt is { } published)
                {
                    xml.WriteElementString("published", AtomNamespace, Iso(published));
                }

                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, entry.Publisher);
                xml.WriteEndElement();
                Link(xml, "alternate", baseUrl + "/announcements/" + entry.Id, "text/html");
                Link(xml, "related", baseUrl + "/api/v1/announcements/" + entry.Id, "application/json");
                xml.WriteStartElement("category", AtomNamespace);
                xml.WriteAttributeString("term", entry.CountyCode);
                xml.WriteAttributeString("label", entry.CountyName);
                xml.WriteEndElement();
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Body);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    static string Iso(DateTime utc) => Dates.ToBeijing(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
}
