// The yardstick for the portal's page rates: Kestrel with one MapGet that answers every GET of "/" with the bytes of
// a page the portal rendered (saved by run.sh), from memory. Nothing a web page can cost is left but HTTP itself.
// usage: dotnet Baseline.dll --urls=http://127.0.0.1:PORT --Body=page.html [--ContentType="text/html; charset=utf-8"]
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

var file = app.Configuration["Body"] ?? throw new InvalidOperationException("Give --Body=FILE: the bytes to serve.");
var body = File.ReadAllBytes(file);
var contentType = app.Configuration["ContentType"] ?? "text/html; charset=utf-8";

app.MapGet("/", () => Results.Bytes(body, contentType));
app.Run();
