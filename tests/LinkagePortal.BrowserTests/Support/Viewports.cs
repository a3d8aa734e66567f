namespace LinkagePortal.BrowserTests.Support;

/// <summary>Screen sizes the portal must serve.</summary>
public static class Viewports
{
    /// <summary>A common phone in portrait (CSS pixels).</summary>
    public static readonly (int Width, int Height) Phone = (390, 844);

    public static readonly (int Width, int Height) Desktop = (1280, 900);
}
