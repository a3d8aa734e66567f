using LinkagePortal.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LinkagePortal.Tests.Data;

/// <summary>
/// The SQL Server schema as the migration scripts leave it, read from their syntax trees (ScriptDom) in version
/// order: CREATE TABLE, ALTER TABLE … ADD / ALTER COLUMN, CREATE / DROP INDEX, DROP TABLE. What a parser alone cannot
/// judge (column types, collations, filtered unique indexes) is checked on this.
/// </summary>
public sealed class SqlServerSchema
{
    public sealed record Column(string Name, SqlDataTypeOption Type, string? Collation, bool Nullable, string Script);

    public sealed record Table(List<Column> Columns);

    public sealed record Index(string Name, string Table, bool Unique, IReadOnlyList<string> Columns, bool Filtered, string Script);

    /// <summary>A type change in ALTER COLUMN that does not say NULL or NOT NULL (SQL Server would make the column nullable).</summary>
    public sealed record UnstatedNullability(string Table, string Column, string Script);

    public Dictionary<string, Table> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Index> Indexes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<UnstatedNullability> Unstated { get; } = [];

    public static TSqlFragment Parse(string sql, out IList<ParseError> errors)
    {
        // SQL Server 2022 (compatibility level 160), the version the portal targets.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        return parser.Parse(reader, out errors);
    }

    public static SqlServerSchema Build()
    {
        var schema = new SqlServerSchema();
        foreach (var (_, name, sql) in Migrator.Scripts(DatabaseProvider.SqlServer))
        {
            foreach (var batch in Migrator.Batches(sql))
            {
                var tree = Parse(batch, out var errors);
                if (errors.Count == 0)
                {
                    tree.Accept(new Reader(schema, name));
                }
            }
        }

        return schema;
    }

    sealed class Reader(SqlServerSchema schema, string script) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            schema.Tables[table] = new Table(node.Definition.ColumnDefinitions.Select(ColumnOf).ToList());
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                foreach (var index in column.Constraints.OfType<UniqueConstraintDefinition>())
                {
                    Add(new Index($"{table}.{column.ColumnIdentifier.Value} {(index.IsPrimaryKey ? "primary key" : "unique")}", table, true, [column.ColumnIdentifier.Value], false, script));
                }
            }

            foreach (var constraint in node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>())
            {
                Add(new Index(constraint.ConstraintIdentifier?.Value ?? $"{table} key", table, true,
                    constraint.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList(), false, script));
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            var table = node.SchemaObjectName.BaseIdentifier.Value;
            schema.Tables[table].Columns.AddRange(node.Definition.ColumnDefinitions.Select(ColumnOf));
            foreach (var constraint in node.Definition.TableConstraints.OfType<UniqueConstraintDefinition>())
            {
                Add(new Index(constraint.ConstraintIdentifier?.Value ?? $"{table} key", table, true,
                    constraint.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList(), false, script));
            }
        }

        public override void Visit(AlterTableAlterColumnStatement node)
        {
            if (node.DataType is null)
            {
                return;
            }

            var table = node.SchemaObjectName.BaseIdentifier.Value;
            var columns = schema.Tables[table].Columns;
            var at = columns.FindIndex(c => string.Equals(c.Name, node.ColumnIdentifier.Value, StringComparison.OrdinalIgnoreCase));
            var nullable = node.AlterTableAlterColumnOption switch
            {
                AlterTableAlterColumnOption.Null => true,
                AlterTableAlterColumnOption.NotNull => false,
                _ => (bool?)null,
            };
            if (nullable is null)
            {
                schema.Unstated.Add(new UnstatedNullability(table, node.ColumnIdentifier.Value, script));
            }

            columns[at] = new Column(columns[at].Name, TypeOf(node.DataType), node.Collation?.Value, nullable ?? true, script);
        }

        public override void Visit(DropTableStatement node)
        {
            foreach (var name in node.Objects)
            {
                schema.Tables.Remove(name.BaseIdentifier.Value);
                foreach (var index in schema.Indexes.Values.Where(i => string.Equals(i.Table, name.BaseIdentifier.Value, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    schema.Indexes.Remove(index.Name);
                }
            }
        }

        public override void Visit(CreateIndexStatement node) =>
            Add(new Index(node.Name.Value, node.OnName.BaseIdentifier.Value, node.Unique,
                node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList(), node.FilterPredicate is not null, script));

        public override void Visit(DropIndexStatement node)
        {
            foreach (var clause in node.DropIndexClauses.OfType<DropIndexClause>())
            {
                schema.Indexes.Remove(clause.Index.Value);
            }
        }

        void Add(Index index) => schema.Indexes[index.Name] = index;

        Column ColumnOf(ColumnDefinition column) => new(
            column.ColumnIdentifier.Value,
            TypeOf(column.DataType),
            column.Collation?.Value,
            !column.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable)
                && !column.Constraints.OfType<UniqueConstraintDefinition>().Any(u => u.IsPrimaryKey),
            script);

        static SqlDataTypeOption TypeOf(DataTypeReference type) =>
            type is SqlDataTypeReference sql ? sql.SqlDataTypeOption : SqlDataTypeOption.None;
    }
}
