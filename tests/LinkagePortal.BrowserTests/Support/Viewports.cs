namespace LinkagePortal.BrowserTests.Support;

/// <summary>Screen sizes the portal must serve.</summary>
public static class Viewports
{
    /// <summary>A common phone in portrait (CSS pixels).</summary>
    public static readonly (int Width, int Height) Phone = (390, 844);

    /// <summary>
    /// The same phone with its text set to 200 %: Chrome on Android (since its page-zoom text scaling) and Safari on iOS
    /// apply the system's text size as page zoom, which halves the CSS viewport: everything, text included, is twice
    /// as large on a 195 CSS px wide layout. (Setting <c>html { font-size: 200% }</c> instead would miss any size
    /// given in px and leave the viewport as wide as before, which no phone does.)
    /// </summary>
    public static readonly (int Width, int Height) PhoneAt200Percent = (195, 422);

    public static readonly (int Width, int Height) Desktop = (1280, 900);
}
