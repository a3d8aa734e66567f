using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace LinkagePortal.Data;

/// <summary>
/// The only place that touches Microsoft.Data.SqlClient. The restorable 2.1.4 carries advisory CVE-2024-0056,
/// so it stays behind this one door and is bumped in Directory.Packages.props alone.
/// </summary>
static class SqlServerConnections
{
    public static DbConnection Create(string connectionString) => new SqlConnection(connectionString);
}
