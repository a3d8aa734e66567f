using System.Globalization;
using System.Text;

namespace LinkagePortal.Rendering;

/// <summary>
/// The rows of the project table (<c>{{ project_rows Projects }}</c> in the <c>project-table</c> partial), written in
/// C#: a region page lists up to a hundred projects with their places, and Scriban's interpreter took most of the
/// page's render time over these rows. The markup is the template's; every value goes through the seam's encoder, as
/// every value a template writes does.
/// </summary>
static class ProjectRows
{
    public static TrustedHtml Write(IEnumerable<ProjectRecord> projects, Func<string, string> encode)
    {
        var html = new StringBuilder();
        foreach (var p in projects)
        {
            html.Append("\n    <tr class=\"project\">\n      <td class=\"code\">").Append(encode(p.Code)).Append("</td>\n")
                .Append("      <th scope=\"row\"><a href=\"/projects/").Append(encode(p.Id.ToString(CultureInfo.InvariantCulture))).Append("\">")
                .Append(encode(p.Name)).Append("</a><br><span class=\"unit\">").Append(encode(p.FiscalYear.ToString(CultureInfo.InvariantCulture))).Append('年');
            if (!string.IsNullOrEmpty(p.ResponsibleUnit))
            {
                html.Append(" · 责任单位：").Append(encode(p.ResponsibleUnit));
            }

            html.Append("</span></th>\n      <td>");
            foreach (var place in p.Places)
            {
                if (!string.IsNullOrEmpty(place.Code))
                {
                    html.Append("<a href=\"/regions/").Append(encode(place.Code)).Append("\">").Append(encode(place.Name ?? "")).Append("</a>");
                }
                else
                {
                    html.Append(encode(place.Printed));
                }

                html.Append(' ');
            }

            html.Append("</td>\n      <td class=\"num amount\">").Append(encode($"{Money.FormatWan(p.AmountYuan)}\u00a0万元"));
            if (p.IsMarked)
            {
                html.Append(" <span class=\"derivation\">（").Append(encode(p.DerivationLabel)).Append("）</span>");
            }

            html.Append("</td>\n    </tr>\n  ");
        }

        return new TrustedHtml(html.ToString());
    }
}
