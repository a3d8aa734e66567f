using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace LinkagePortal.Data;

/// <summary>
/// The only place that touches Microsoft.Data.SqlClient (7.1.1; <c>Encrypt</c> defaults to true, so a production
/// connection string names a server certificate the client trusts rather than setting TrustServerCertificate).
/// </summary>
static class SqlServerConnections
{
    static readonly Lazy<bool> ParameterTypesMapped = new(() =>
    {
        // Dapper sends DateTime as the legacy datetime (rounded to 3.33 ms) unless told otherwise; every time column
        // is DATETIME2, and a datetime parameter compared with one is converted, and its rounding can move a record
        // across its publication time. Dapper's map is process-wide; SQLite binds both DbTypes the same way (text).
        SqlMapper.AddTypeMap(typeof(DateTime), DbType.DateTime2);
        SqlMapper.AddTypeMap(typeof(DateTime?), DbType.DateTime2);
        SqlMapper.AddTypeMap(typeof(DateTimeOffset), DbType.DateTimeOffset);
        SqlMapper.AddTypeMap(typeof(DateTimeOffset?), DbType.DateTimeOffset);
        return true;
    });

    /// <summary>Applied once, when the first SQL Server <see cref="Db"/> is made (at start-up).</summary>
    public static void MapParameterTypes() => _ = ParameterTypesMapped.Value;

    public static DbConnection Create(string connectionString) => new SqlConnection(connectionString);
}
