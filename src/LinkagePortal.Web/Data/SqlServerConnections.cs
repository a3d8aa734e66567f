using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace LinkagePortal.Data;

/// <summary>
/// The only place that touches Microsoft.Data.SqlClient (7.1.1; <c>Encrypt</c> defaults to true, so a production
/// connection string names a server certificate the client trusts rather than setting TrustServerCertificate).
/// </summary>
static class SqlServerConnections
{
    public static DbConnection Create(string connectionString) => new SqlConnection(connectionString);
}
