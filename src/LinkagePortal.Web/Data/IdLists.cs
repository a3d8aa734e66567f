using System.Data.Common;
using Dapper;

namespace LinkagePortal.Data;

/// <summary>
/// <c>WHERE x IN @ids</c> for a list of any length. Dapper expands the list into one parameter per id, and SQL Server
/// refuses a request with more than 2,100 parameters: longer lists go in chunks, one query each, rows in chunk order.
/// </summary>
public static class IdLists
{
    /// <summary>Ids per query: well below SQL Server's 2,100 parameters, leaving room for the statement's others.</summary>
    public const int ChunkSize = 1000;

    public static async Task<List<TRow>> QueryInChunksAsync<TRow, TId>(
        this DbConnection connection, string sql, string listName, IEnumerable<TId> ids, object? parameters = null)
    {
        var rows = new List<TRow>();
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var arguments = new DynamicParameters(parameters);
            arguments.Add(listName, chunk);
            rows.AddRange(await connection.QueryAsync<TRow>(sql, arguments));
        }

        return rows;
    }
}
