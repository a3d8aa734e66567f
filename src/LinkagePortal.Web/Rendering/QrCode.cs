using QRCoder;

namespace LinkagePortal.Rendering;

/// <summary>
/// QR codes printed on paper that open a page of the portal (a project's, a notice's). SVG (QRCoder's SvgQRCode: no
/// System.Drawing, so it runs on Linux) scales to any print size.
/// </summary>
public static class QrCode
{
    /// <summary>An SVG QR code of <paramref name="text"/>, error correction M (survives a crease or a smudge on paper).</summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The image as a response a printer's spooler and browsers may keep for a day (an address does not change).</summary>
    public static IResult Image(HttpContext http, string address)
    {
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Text(Svg(address), "image/svg+xml; charset=utf-8");
    }
}
