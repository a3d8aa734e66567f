using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Dapper;
using LinkagePortal.Data;
using LinkagePortal.Tests.Support;
using Microsoft.Data.SqlClient;

namespace LinkagePortal.Tests.Data;

public sealed class SqlServerParametersTests
{
    /// <summary>A time sent as legacy datetime is rounded to 3.33 ms and converted against DATETIME2 columns.</summary>
    [Fact]
    public void Times_go_to_SQL_Server_as_datetime2()
    {
        _ = new Db(DatabaseProvider.SqlServer, "Server=unused;Database=unused");
        using var connection = new CommandCatcher();

        connection.Execute("SELECT 1 WHERE @now > @now", new { now = new DateTime(2024, 5, 1, 8, 0, 0, 999, DateTimeKind.Utc) });

        Assert.Equal([DbType.DateTime2], connection.Sent);
    }

    /// <summary>A connection without a server: its commands are SqlClient's, and it keeps the DbType of each parameter sent.</summary>
    sealed class CommandCatcher : DbConnection
    {
        public List<DbType> Sent { get; } = [];

        [AllowNull]
        public override string ConnectionString { get; set; } = "";
        public override string Database => "";
        public override string DataSource => "";
        public override string ServerVersion => "";
        public override ConnectionState State => ConnectionState.Open;

        public override void ChangeDatabase(string databaseName) => throw new InvalidOperationException();
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new InvalidOperationException();
        protected override DbCommand CreateDbCommand() => new Command(this);

        sealed class Command(CommandCatcher connection) : DbCommand
        {
            readonly SqlCommand inner = new();

            [AllowNull]
            public override string CommandText { get => inner.CommandText; set => inner.CommandText = value; }
            public override int CommandTimeout { get; set; }
            public override CommandType CommandType { get; set; }
            public override bool DesignTimeVisible { get; set; }
            public override UpdateRowSource UpdatedRowSource { get; set; }
            protected override DbConnection? DbConnection { get => connection; set { } }
            protected override DbParameterCollection DbParameterCollection => inner.Parameters;
            protected override DbTransaction? DbTransaction { get; set; }

            public override void Cancel() { }
            public override void Prepare() { }
            protected override DbParameter CreateDbParameter() => inner.CreateParameter();
            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new InvalidOperationException();
            public override object? ExecuteScalar() => throw new InvalidOperationException();

            public override int ExecuteNonQuery()
            {
                connection.Sent.AddRange(inner.Parameters.Cast<SqlParameter>().Select(p => p.DbType));
                return 0;
            }
        }
    }
}

/// <summary>An id list longer than SQL Server's 2,100 parameters per request, on both engines.</summary>
public abstract class IdListsTests
{
    protected abstract Db? Database { get; }

    [SkippableFact]
    public async Task A_list_of_every_village_code_comes_back_whole()
    {
        Skip.If(Database is null, TestDatabase.SqlServerSkipReason);
        await using var connection = await Database!.OpenAsync();
        var villages = (await connection.QueryAsync<string>("SELECT code FROM regions WHERE level = 'village'")).ToList();

        var found = await connection.QueryInChunksAsync<string, string>("SELECT code FROM regions WHERE code IN @codes", "codes", villages);

        Assert.True(villages.Count > 2100 * 2, $"{villages.Count} villages");
        Assert.Equal(villages.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteIdListsTests : IdListsTests
{
    protected override Db? Database { get; } = TestDatabase.SeededSqlite();
}

public sealed class SqlServerIdListsTests : IdListsTests
{
    protected override Db? Database { get; } = TestDatabase.SeededSqlServer();
}
