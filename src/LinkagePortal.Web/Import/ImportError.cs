namespace LinkagePortal.Import;

/// <summary>One reason a data file was refused: which file, which line (1 = header), which column, why.</summary>
public sealed record ImportError(string File, int Line, string Column, string Reason)
{
    public override string ToString() =>
        Column.Length == 0 ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: column {Column}: {Reason}";
}

/// <summary>A file was refused; nothing of it was written.</summary>
public sealed class ImportRejectedException(IReadOnlyList<ImportError> errors)
    : Exception($"Import refused, database unchanged:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ImportError> Errors { get; } = errors;
}
