using System.Runtime.CompilerServices;

namespace LinkagePortal.Records;

/// <summary>How rows map to records: a column maps to the property of its name with underscores ignored.</summary>
static class RecordMapping
{
    /// <summary>
    /// Set once as the assembly loads, before any query: <c>fiscal_year</c> fills <c>FiscalYear</c>, so SQL names
    /// columns as the schema does and needs an alias only for a computed or joined value.
    /// </summary>
    [ModuleInitializer]
    internal static void MatchNamesWithUnderscores() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
