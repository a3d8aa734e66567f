// Every area reads the database through Dapper, the connection factory and the shared records (features depend on
// these shared folders, not on each other): named once here rather than atop each file.
global using Dapper;
global using LinkagePortal.Data;
global using LinkagePortal.Records;
