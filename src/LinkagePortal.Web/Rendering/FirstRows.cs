namespace LinkagePortal.Rendering;

/// <summary>
/// A list a page shows only the start of: how many rows there are in all and how many it shows, so that the page can
/// say "only the first N" (<see cref="HasMore"/>). A page shows at most <see cref="Shown"/> rows of such a list.
/// </summary>
public abstract record FirstRows(long Count, int ShownCount)
{
    public const int Shown = 100;

    public bool HasMore => Count > ShownCount;
}
