using LinkagePortal.Records;

namespace LinkagePortal.Rendering;

/// <summary>The Chinese words pages show for the data's coded values, from the one <see cref="Vocabulary"/>.</summary>
public static class Labels
{
    public static string Derivation(string derivation) => Vocabulary.Derivations.Label(derivation);

    public static string Level(string level) => Vocabulary.RegionLevels.Label(level);

    public static string? FundLevel(string? fundLevel) => fundLevel is null ? null : Vocabulary.FundLevels.Label(fundLevel);

    public static string DocumentKind(string kind) => Vocabulary.DocumentKinds.Label(kind);

    public static string Programme(string programme) => Vocabulary.Programmes.Label(programme);

    public static string PlaceMatch(string matchKind) => Vocabulary.PlaceMatches.Label(matchKind);
}
