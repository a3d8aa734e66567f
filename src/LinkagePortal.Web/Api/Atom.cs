using System.Globalization;
using System.Text;
using System.Xml;

namespace LinkagePortal.Api;

/// <summary>
/// Atom feeds (RFC 4287) as the portal writes them: a UTF-8 document whose feed element is in Chinese, links with
/// their relation and type, times in Beijing with their offset. The feeds themselves (notices, changes) add their
/// entries.
/// </summary>
public static class Atom
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>A feed document: the feed element, with what <paramref name="write"/> puts in it.</summary>
    public static byte[] Feed(Action<XmlWriter> write)
    {
        using var output = new MemoryStream();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("feed", Namespace);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            write(xml);
            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    public static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    /// <summary>An Atom date: Beijing time with its offset.</summary>
    public static string Time(DateTime utc) => Dates.ToBeijing(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+08:00'", CultureInfo.InvariantCulture);
}
